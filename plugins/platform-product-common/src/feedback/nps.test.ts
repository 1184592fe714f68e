import { computeNps, lastMonths, monthOf, npsCategory } from './nps';

describe('npsCategory', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ])('puts %p among the %ss', (score, category) => {
    expect(npsCategory(score)).toBe(category);
  });

  it.each([-1, 11, 7.5, NaN])('rejects %p', score => {
    expect(() => npsCategory(score)).toThrow(RangeError);
  });
});

describe('computeNps', () => {
  it('is % promoters minus % detractors, rounded', () => {
    expect(computeNps({ promoters: 5, passives: 3, detractors: 2 })).toBe(30);
    expect(computeNps({ promoters: 1, passives: 1, detractors: 1 })).toBe(0);
    expect(computeNps({ promoters: 2, passives: 0, detractors: 1 })).toBe(33);
    expect(computeNps({ promoters: 1, passives: 0, detractors: 2 })).toBe(-33);
  });

  it('spans -100..100', () => {
    expect(computeNps({ promoters: 4, passives: 0, detractors: 0 })).toBe(100);
    expect(computeNps({ promoters: 0, passives: 0, detractors: 4 })).toBe(-100);
    expect(computeNps({ promoters: 0, passives: 4, detractors: 0 })).toBe(0);
  });

  it('is null without responses', () => {
    expect(computeNps({ promoters: 0, passives: 0, detractors: 0 })).toBe(null);
  });
});

describe('months', () => {
  it('names the UTC calendar month', () => {
    expect(monthOf(new Date('2026-03-31T23:59:59Z'))).toBe('2026-03');
    expect(monthOf(Date.parse('2026-04-01T00:00:00Z'))).toBe('2026-04');
  });

  it('lists the last months oldest first, across a year', () => {
    const now = new Date('2026-02-15T10:00:00Z');
    expect(lastMonths(now, 1)).toEqual(['2026-02']);
    expect(lastMonths(now, 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(lastMonths(now, 12)).toHaveLength(12);
    expect(lastMonths(now, 12)[0]).toBe('2025-03');
  });
});
