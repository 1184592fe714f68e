import { compactScoreTrend, scoreTrendPoints, scoreTrendSchema } from './trend';

describe('score trends', () => {
  const points = [
    { day: '2026-02-27', score: 58 },
    { day: '2026-02-28', score: 60.5 },
    // no snapshot on Mar 1 and 2
    { day: '2026-03-03', score: 72 },
  ];

  it('keeps one score per day from the first point, null on the days without one', () => {
    expect(compactScoreTrend(points)).toEqual({
      from: '2026-02-27',
      scores: [58, 60.5, null, null, 72],
    });
    expect(
      compactScoreTrend([
        { day: '2026-10-25', score: 1 },
        { day: '2026-10-26', score: 2 },
      ]),
    ).toEqual({ from: '2026-10-25', scores: [1, 2] });
  });

  it('gives back the points, across a month and a daylight-saving change', () => {
    expect(scoreTrendPoints(compactScoreTrend(points))).toEqual(points);
    const autumn = [
      { day: '2026-10-24', score: 1 },
      { day: '2026-10-26', score: 3 },
      { day: '2026-11-01', score: 9 },
    ];
    expect(scoreTrendPoints(compactScoreTrend(autumn))).toEqual(autumn);
    expect(scoreTrendPoints({ from: '2026-03-01', scores: [] })).toEqual([]);
  });

  it('validates the shape', () => {
    expect(
      scoreTrendSchema.safeParse({ from: '2026-03-01', scores: [1, null] })
        .success,
    ).toBe(true);
    const wrong = scoreTrendSchema.safeParse({ from: 'March', scores: ['1'] });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map(issue => issue.path.join('.'))).toEqual([
      'from',
      'scores.0',
    ]);
  });
});
