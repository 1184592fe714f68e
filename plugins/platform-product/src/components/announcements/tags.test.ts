import { normalizeTag, parseTags } from './tags';

describe('normalizeTag', () => {
  it('trims, drops a leading # and lower-cases', () => {
    expect(normalizeTag('  #Kubernetes ')).toBe('kubernetes');
    expect(normalizeTag('CLI')).toBe('cli');
  });

  it('keeps a # that is not leading, and only drops one', () => {
    expect(normalizeTag('c#')).toBe('c#');
    expect(normalizeTag('##x')).toBe('#x');
  });

  it('leaves nothing of blank text', () => {
    expect(normalizeTag('   ')).toBe('');
    expect(normalizeTag('#')).toBe('');
  });
});

describe('parseTags', () => {
  it('splits on commas and white space, normalizes and drops repeats', () => {
    expect(parseTags('Kubernetes, #cli  kubernetes,,\nhelm')).toEqual([
      'kubernetes',
      'cli',
      'helm',
    ]);
  });

  it('gives no tags for blank text', () => {
    expect(parseTags(' , ')).toEqual([]);
    expect(parseTags('')).toEqual([]);
  });
});
