/**
 * The path of a link into this Backstage app (same origin as the page), to follow it
 * inside the app instead of opening a new tab; undefined for any other link. A catalog
 * link must be absolute (the catalog refuses relative ones), so a link to a product's
 * own tab is written with the app's address.
 */
export function inAppPath(
  url: string,
  origin = window.location.origin,
): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.origin === origin
      ? `${parsed.pathname}${parsed.search}${parsed.hash}`
      : undefined;
  } catch {
    return undefined;
  }
}
