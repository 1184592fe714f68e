/**
 * The readable text of a markdown body, for the search index: markup characters,
 * link targets and HTML tags removed, the words kept (link texts, image alt texts,
 * code). Not a markdown parser: good enough for indexing and result snippets.
 */
export function markdownToPlainText(markdown: string): string {
  return (
    markdown
      .replace(/\r\n?/g, '\n')
      // fenced code blocks: keep the code, drop the fences and the language
      .replace(/^[ \t]*(```|~~~)[^\n]*$/gm, '')
      // HTML comments and tags
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
      // images and links: keep the alt text / link text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      // reference definitions: [id]: https://...
      .replace(/^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$/gm, '')
      // headings, block quotes, list markers, horizontal rules, table borders
      .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
      .replace(/^[ \t]*(>[ \t]?)+/gm, '')
      .replace(/^[ \t]*([-*+]|\d+[.)])[ \t]+(\[[ xX]\][ \t]+)?/gm, '')
      .replace(/^[ \t]*([-*_][ \t]*){3,}$/gm, '')
      .replace(
        /^[ \t]*\|?([ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(:?-+:?)?[ \t]*(\n|$)/gm,
        '',
      )
      .replace(/[ \t]*\|[ \t]*/g, ' ')
      // emphasis, strike-through and inline code markers
      .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[^\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?!\w)/g, '$1$2')
      .replace(/`+([^`]*)`+/g, '$1')
      // backslash escapes
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
      // whitespace: paragraphs stay apart, nothing else
      .replace(/[ \t]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
