/**
 * A tag as a person types it, as the API takes it: trimmed, without a leading
 * `#`, lower-case. (The server's `tagSchema` trims and lower-cases too, then
 * checks the letters; the `#` is the form's courtesy.)
 */
export function normalizeTag(text: string): string {
  return text.trim().replace(/^#/, '').toLocaleLowerCase('en-US');
}

/** The tags in a comma- or space-separated text, each normalized, once each. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\s]+/)
        .map(normalizeTag)
        .filter(Boolean),
    ),
  ];
}
