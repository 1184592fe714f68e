import { facts, productEntity } from '../../__testUtils__/scorecardFacts';
import { productManagerCheck } from './productManager';

// The catalog is asked by the evaluator for the whole batch (DatabaseProductEvaluator.test.ts);
// the check reads what it found. A product manager is always expected: never not applicable.

describe('product-manager', () => {
  const check = productManagerCheck();

  it('passes when spec.productManager resolved to a User of the catalog', () => {
    expect(
      check.evaluate(
        facts({
          productManager: { state: 'found', ref: 'user:default/jane.doe' },
        }),
      ),
    ).toMatchObject({ status: 'pass', value: 'user:default/jane.doe' });
  });

  it('fails without a product manager, with advice to name one', () => {
    const outcome = check.evaluate(
      facts({ productManager: { state: 'none' } }),
    );
    expect(outcome).toMatchObject({ status: 'fail', value: null });
    expect(outcome.advice).toMatch(
      /^Name a product manager in spec\.productManager/,
    );
  });

  it('fails for a user the catalog does not know, a group or a malformed ref, saying which', () => {
    expect(
      check.evaluate(
        facts({
          productManager: { state: 'missing', ref: 'user:default/ghost' },
        }),
      ),
    ).toMatchObject({
      status: 'fail',
      value: 'user:default/ghost',
      advice: expect.stringContaining('not in the catalog'),
    });
    expect(
      check.evaluate(
        facts({
          productManager: { state: 'not-a-user', ref: 'group:default/team' },
        }),
      ),
    ).toMatchObject({
      status: 'fail',
      advice: expect.stringContaining(
        'group:default/team, which is not a User',
      ),
    });
    expect(
      check.evaluate(
        facts({
          entity: productEntity({ spec: { productManager: 'a:b:c/d' } }),
          productManager: { state: 'malformed', ref: 'a:b:c/d' },
        }),
      ),
    ).toMatchObject({
      status: 'fail',
      value: 'a:b:c/d',
      advice: expect.stringContaining('is not an entity reference'),
    });
  });
});
