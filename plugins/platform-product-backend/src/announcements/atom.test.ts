import { escapeXml, toAtom } from './atom';

describe('toAtom', () => {
  const entry = {
    id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    title: 'Tom & Jerry <3 "quotes" \'n\' stuff',
    summary: 'Line one\u0007 with a bell & <b>tags</b>',
    url: 'https://backstage.example.com/platform-news/1?a=1&b=2',
    published: '2026-12-01T09:00:00.000Z',
    updated: '2026-12-02T09:00:00.000Z',
    author: 'user:default/jane',
    categories: ['ci', 'kube"rnetes'],
  };

  it('escapes every text and attribute and drops characters XML forbids', () => {
    const xml = toAtom({
      id: 'https://backstage.example.com/platform-news',
      title: 'Platform news',
      selfUrl: 'https://backstage.example.com/api/feed?productRef=a&b',
      alternateUrl: 'https://backstage.example.com/platform-news',
      fallbackUpdated: '2026-01-01T00:00:00.000Z',
      entries: [entry],
    });
    expect(xml).toContain(
      '<title type="text">Tom &amp; Jerry &lt;3 &quot;quotes&quot; &apos;n&apos; stuff</title>',
    );
    expect(xml).toContain(
      '<summary type="text">Line one with a bell &amp; &lt;b&gt;tags&lt;/b&gt;</summary>',
    );
    expect(xml).toContain(
      '<link rel="alternate" type="text/html" href="https://backstage.example.com/platform-news/1?a=1&amp;b=2"/>',
    );
    expect(xml).toContain('<category term="kube&quot;rnetes"/>');
    expect(xml).toContain(
      'href="https://backstage.example.com/api/feed?productRef=a&amp;b"',
    );
    // the feed's updated is its newest entry's
    expect(xml).toContain('  <updated>2026-12-02T09:00:00.000Z</updated>\n');
    expect(xml).not.toContain('\u0007');
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
      ),
    ).toBe(true);
  });

  it('is a valid feed without entries', () => {
    const xml = toAtom({
      id: 'tag:x',
      title: 'Empty',
      selfUrl: 'https://x/feed',
      alternateUrl: 'https://x/',
      fallbackUpdated: '2026-01-01T00:00:00.000Z',
      entries: [],
    });
    expect(xml).toContain('<updated>2026-01-01T00:00:00.000Z</updated>');
    expect(xml).not.toContain('<entry>');
    expect(xml.trim().endsWith('</feed>')).toBe(true);
  });

  it('escapes each special character once', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
});
