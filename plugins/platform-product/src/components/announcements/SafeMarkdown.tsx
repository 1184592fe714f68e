import { MarkdownContent } from '@backstage/core-components';

const ALLOWED_SCHEMES = ['http', 'https', 'mailto'];

/**
 * A link target kept only when it is relative or a web or mail link; any other
 * scheme (`javascript:`, `data:`, `vbscript:`...) becomes an empty target, which
 * renders as plain text. Exported for its test.
 */
export function safeLinkUri(uri: string): string {
  // browsers ignore control characters and spaces in a scheme: so does the check
  // eslint-disable-next-line no-control-regex
  const compact = uri.replace(/[\u0000-\u0020]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  return !scheme || ALLOWED_SCHEMES.includes(scheme.toLocaleLowerCase('en-US'))
    ? uri
    : '';
}

/**
 * The body of a post: CommonMark without raw HTML (HTML in the text shows as
 * text), with script links inert and images only from http(s).
 */
export const SafeMarkdown = (props: { content: string }) => (
  <MarkdownContent
    content={props.content}
    dialect="common-mark"
    transformLinkUri={safeLinkUri}
    transformImageUri={uri => (/^https?:/i.test(uri.trim()) ? uri : '')}
  />
);
