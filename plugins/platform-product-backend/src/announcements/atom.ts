/** One entry of an Atom feed; times are ISO 8601, urls absolute. */
export interface AtomEntry {
  id: string;
  title: string;
  summary: string;
  url: string;
  published: string;
  updated: string;
  author: string;
  categories: string[];
}

export interface AtomFeed {
  /** a stable IRI identifying the feed */
  id: string;
  title: string;
  /** the feed's own url */
  selfUrl: string;
  /** the page that shows the same posts */
  alternateUrl: string;
  /** when nothing was ever posted */
  fallbackUpdated: string;
  entries: AtomEntry[];
}

/** Whether XML 1.0 allows the character at all, even escaped. */
function allowedInXml(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code !== 0xfffe && code !== 0xffff)
  );
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(value: string): string {
  return [...value]
    .filter(allowedInXml)
    .join('')
    .replace(
      /[&<>"']/g,
      char =>
        ({
          '&': '&amp;',
          '<': '&lt;',
          '>': '&gt;',
          '"': '&quot;',
          "'": '&apos;',
        }[char]!),
    );
}

/** An Atom (RFC 4287) feed document. */
export function toAtom(feed: AtomFeed): string {
  const updated = feed.entries.reduce(
    (latest, entry) => (entry.updated > latest ? entry.updated : latest),
    feed.entries.length ? '' : feed.fallbackUpdated,
  );
  const entries = feed.entries.map(entry =>
    [
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title type="text">${escapeXml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(
        entry.url,
      )}"/>`,
      `    <published>${escapeXml(entry.published)}</published>`,
      `    <updated>${escapeXml(entry.updated)}</updated>`,
      `    <author><name>${escapeXml(entry.author)}</name></author>`,
      ...entry.categories.map(
        category => `    <category term="${escapeXml(category)}"/>`,
      ),
      `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(
      feed.selfUrl,
    )}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(
      feed.alternateUrl,
    )}"/>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
