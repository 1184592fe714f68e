import {
  defaultThresholds,
  facts,
  productEntity,
} from '../../__testUtils__/scorecardFacts';
import {
  documentationCheck,
  lifecycleCheck,
  officeHoursCheck,
  supportChannelCheck,
  visionCheck,
} from './entity';

// These checks read the product entity alone: there is no data of another capability that
// could be missing, so none of them is ever not applicable.

const on = (entity: ReturnType<typeof productEntity>) => facts({ entity });

describe('vision', () => {
  const check = visionCheck(defaultThresholds.vision);
  const words = (count: number) =>
    Array.from({ length: count }, (_, i) => `word${i}`).join(' ');

  it('passes with a vision of at least 12 words', () => {
    expect(
      check.evaluate(on(productEntity({ spec: { vision: words(12) } }))),
    ).toEqual({
      status: 'pass',
      value: '12 words',
      threshold: 'at least 12 words',
      advice: expect.stringContaining('spec.vision'),
    });
  });

  it('fails with a placeholder or none', () => {
    expect(
      check.evaluate(on(productEntity({ spec: { vision: '  TBD later ' } }))),
    ).toMatchObject({ status: 'fail', value: '2 words' });
    expect(check.evaluate(on(productEntity()))).toMatchObject({
      status: 'fail',
      value: null,
    });
  });

  it('takes the configured minimum', () => {
    expect(
      visionCheck({ minimumWords: 2 }).evaluate(
        on(productEntity({ spec: { vision: 'TBD later' } })),
      ),
    ).toMatchObject({ status: 'pass', threshold: 'at least 2 words' });
  });
});

describe('lifecycle', () => {
  const check = lifecycleCheck();

  it('passes with a declared stage, which the value shows', () => {
    expect(
      check.evaluate(on(productEntity({ spec: { lifecycle: 'beta' } }))),
    ).toMatchObject({ status: 'pass', value: 'beta' });
  });

  it('fails without a stage or with one that is not a stage', () => {
    const entity = productEntity();
    delete (entity.spec as { lifecycle?: string }).lifecycle;
    expect(check.evaluate(on(entity))).toMatchObject({
      status: 'fail',
      value: null,
    });
    expect(
      check.evaluate(
        on(productEntity({ spec: { lifecycle: 'ga' as 'beta' } })),
      ),
    ).toMatchObject({
      status: 'fail',
      value: 'ga',
      advice: expect.stringContaining("'ga' is not a stage"),
    });
  });
});

describe('documentation', () => {
  const check = documentationCheck();

  it('passes with a TechDocs annotation', () => {
    for (const key of [
      'backstage.io/techdocs-ref',
      'backstage.io/techdocs-entity',
    ]) {
      expect(
        check.evaluate(
          on(productEntity({ metadata: { annotations: { [key]: 'dir:.' } } })),
        ),
      ).toMatchObject({ status: 'pass', value: 'TechDocs' });
    }
  });

  it('passes with a docs link: its icon, type or a title naming the docs', () => {
    const withLink = (link: {
      url: string;
      title?: string;
      icon?: string;
      type?: string;
    }) => check.evaluate(on(productEntity({ metadata: { links: [link] } })));
    expect(
      withLink({
        url: 'https://docs.example.com/x',
        title: 'Migration guide',
        icon: 'docs',
      }),
    ).toMatchObject({ status: 'pass', value: 'Migration guide' });
    expect(withLink({ url: 'https://wiki/x', type: 'docs' })).toMatchObject({
      status: 'pass',
      value: 'https://wiki/x',
    });
    expect(
      withLink({ url: 'https://wiki/x', title: 'Documentation' }),
    ).toMatchObject({ status: 'pass' });
  });

  it('fails with other links only, or none', () => {
    expect(
      check.evaluate(
        on(
          productEntity({
            metadata: {
              links: [{ url: 'https://docs.example.com/rfc', title: 'RFC' }],
            },
          }),
        ),
      ),
    ).toMatchObject({
      status: 'fail',
      value: null,
      advice: expect.stringContaining('backstage.io/techdocs-ref'),
    });
    expect(check.evaluate(on(productEntity()))).toMatchObject({
      status: 'fail',
    });
  });
});

describe('support-channel', () => {
  const check = supportChannelCheck();

  it('passes with channels, naming them', () => {
    expect(
      check.evaluate(
        on(
          productEntity({
            spec: {
              support: {
                channels: [
                  { type: 'chat', name: '#deploy-help' },
                  { type: 'issues', name: 'DEPLOY' },
                ],
              },
            },
          }),
        ),
      ),
    ).toMatchObject({ status: 'pass', value: '#deploy-help, DEPLOY' });
  });

  it('fails with none', () => {
    expect(
      check.evaluate(
        on(productEntity({ spec: { support: { channels: [] } } })),
      ),
    ).toMatchObject({
      status: 'fail',
      value: null,
      advice: expect.stringContaining('spec.support.channels'),
    });
  });
});

describe('office-hours', () => {
  const check = officeHoursCheck();

  it('passes with a schedule, which the value shows', () => {
    expect(
      check.evaluate(
        on(
          productEntity({
            spec: {
              support: { officeHours: { schedule: 'Thursdays 15:00 CET' } },
            },
          }),
        ),
      ),
    ).toMatchObject({ status: 'pass', value: 'Thursdays 15:00 CET' });
  });

  it('fails without one', () => {
    expect(check.evaluate(on(productEntity()))).toMatchObject({
      status: 'fail',
      value: null,
      advice: expect.stringContaining('spec.support.officeHours.schedule'),
    });
  });
});
