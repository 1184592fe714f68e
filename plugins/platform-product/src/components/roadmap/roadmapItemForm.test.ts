import { roadmapItem } from '../../__testUtils__/roadmapFixtures';
import { describeChange } from './RoadmapChangesDialog';
import {
  demandLabel,
  quarterLabel,
  quarterOf,
  upcomingQuarters,
} from './labels';
import {
  changeOf,
  createRequestOf,
  formOf,
  problemsOf,
} from './roadmapItemForm';

const productRef = 'platformproduct:default/deployment-platform';

describe('the roadmap item form', () => {
  it('starts a new item planned in the given horizon, and sends it trimmed', () => {
    const form = { ...formOf(undefined, 'later'), title: '  Multi-region ' };
    expect(form).toMatchObject({ horizon: 'later', status: 'planned' });
    expect(createRequestOf(form, productRef)).toEqual({
      productRef,
      title: 'Multi-region',
      description: '',
      horizon: 'later',
      status: 'planned',
      targetQuarter: null,
    });
  });

  it('names what is wrong: no title, a title too long, a malformed quarter', () => {
    expect(problemsOf(formOf())).toEqual({ title: 'Give the item a title' });
    expect(
      problemsOf({
        ...formOf(),
        title: 'x'.repeat(201),
        targetQuarter: '2027-Q5',
      }),
    ).toEqual({
      title: 'At most 200 characters (201 now)',
      targetQuarter: 'A quarter like 2027-Q1',
    });
    expect(
      problemsOf({ ...formOf(), title: 'A', targetQuarter: '2027-Q4' }),
    ).toEqual({});
  });

  it('sends only what changed, and nothing when nothing did', () => {
    const item = roadmapItem();
    expect(changeOf(formOf(item), item)).toBeUndefined();
    expect(
      changeOf({ ...formOf(item), horizon: 'next', targetQuarter: '' }, item),
    ).toEqual({ horizon: 'next', targetQuarter: null });
  });
});

describe('roadmap labels', () => {
  it('counts demand in words', () => {
    expect(demandLabel({ posts: 0, people: 0, votes: 0 })).toBe(
      'No linked requests yet',
    );
    expect(demandLabel({ posts: 1, people: 1, votes: 0 })).toBe(
      '1 request · 1 person',
    );
    expect(demandLabel({ posts: 1200, people: 3400, votes: 9 })).toBe(
      '1,200 requests · 3,400 people',
    );
  });

  it('writes quarters as people say them and lists the coming ones', () => {
    expect(quarterLabel('2027-Q1')).toBe('Q1 2027');
    expect(quarterOf(new Date(2026, 10, 5))).toBe('2026-Q4');
    expect(upcomingQuarters(3, new Date(2026, 10, 5))).toEqual([
      '2026-Q4',
      '2027-Q1',
      '2027-Q2',
    ]);
  });

  it('describes each change of an item', () => {
    expect(
      describeChange({ field: 'status', from: 'planned', to: 'shipped' }),
    ).toBe('Status: Planned → Shipped');
    expect(
      describeChange({ field: 'targetQuarter', from: null, to: '2027-Q2' }),
    ).toBe('Target: none → Q2 2027');
    expect(describeChange({ field: 'description', from: 'a', to: 'b' })).toBe(
      'Description edited',
    );
    const titles = (id: string) => (id === 'p1' ? 'Canary support' : undefined);
    expect(describeChange({ field: 'link', to: 'p1' }, titles)).toBe(
      'Linked “Canary support”',
    );
    expect(describeChange({ field: 'unlink', from: 'p7' }, titles)).toBe(
      'Unlinked a request',
    );
  });
});
