import { KeptValues } from './KeptValues';

describe('KeptValues', () => {
  afterEach(() => jest.restoreAllMocks());

  it('keeps values for their time, none without one expiring', () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000);
    const brief = new KeptValues<string>({ max: 10, ttlMs: 5_000 });
    const lasting = new KeptValues<string>({ max: 10 });
    expect(brief.set('a', 'x')).toBe('x');
    lasting.set('a', 'y');
    now.mockReturnValue(5_999);
    expect(brief.get('a')).toBe('x');
    now.mockReturnValue(6_000);
    expect(brief.get('a')).toBeUndefined();
    expect(lasting.get('a')).toBe('y');
    expect(lasting.get('b')).toBeUndefined();
  });

  it('starts over past its bound', () => {
    const kept = new KeptValues<number>({ max: 2 });
    kept.set('a', 1);
    kept.set('b', 2);
    expect(kept.get('a')).toBe(1);
    kept.set('c', 3);
    expect([kept.get('a'), kept.get('b'), kept.get('c')]).toEqual([
      undefined,
      undefined,
      3,
    ]);
  });
});
