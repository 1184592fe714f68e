import { clicked, DEFAULT_ORDER, orderOf, sortParam } from './portfolioSort';

describe('portfolio sort', () => {
  it("writes the server's sort: score highest first by default, every other key ascending", () => {
    expect(sortParam({ by: 'score', direction: 'desc' })).toBe('score');
    expect(sortParam({ by: 'score', direction: 'asc' })).toBe('-score');
    expect(sortParam({ by: 'title', direction: 'asc' })).toBe('title');
    expect(sortParam({ by: 'nps', direction: 'desc' })).toBe('-nps');
  });

  it('reads it back, and falls back to the title for none or an unknown key', () => {
    for (const param of ['score', '-score', 'title', '-nps', 'openPosts']) {
      expect(sortParam(orderOf(param))).toBe(param);
    }
    expect(orderOf('-score')).toEqual({ by: 'score', direction: 'asc' });
    expect(orderOf(null)).toEqual(DEFAULT_ORDER);
    expect(orderOf('popularity')).toEqual(DEFAULT_ORDER);
  });

  it('sorts a new column its natural way first, then the other way', () => {
    const byScore = clicked(DEFAULT_ORDER, 'score');
    expect(byScore).toEqual({ by: 'score', direction: 'desc' });
    expect(clicked(byScore, 'score')).toEqual({
      by: 'score',
      direction: 'asc',
    });
    expect(clicked(byScore, 'title')).toEqual({
      by: 'title',
      direction: 'asc',
    });
  });
});
