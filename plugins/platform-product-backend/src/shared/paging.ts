import { InputError } from '@backstage/errors';
import { hasControlCharacters } from '@platform-product/plugin-platform-product-common';

/** A keyset cursor: the sort key (and id) of the last item of a page. */
export function encodeCursor(key: Array<number | string>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The key of a cursor, checked against its shape: one letter a part, `n` a finite number,
 * `s` a string of at most 36 characters without control characters (an id). A 400 for anything else.
 */
export function decodeCursor(
  cursor: string,
  types: string,
): Array<number | string> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(value) &&
      value.length === types.length &&
      value.every((part, i) =>
        types[i] === 'n'
          ? Number.isFinite(part)
          : typeof part === 'string' &&
            part.length <= 36 &&
            // ids and day keys: no control characters (PostgreSQL refuses a NUL)
            !hasControlCharacters(part),
      )
    ) {
      return value;
    }
  } catch {
    // falls through to the error below
  }
  throw new InputError(`cursor '${cursor}' is not a cursor of this list`);
}

/** A [number, id] cursor, the common case. */
export function decodeNumberIdCursor(cursor: string): [number, string] {
  return decodeCursor(cursor, 'ns') as [number, string];
}

/**
 * A page of at most `limit` items from the `limit + 1` rows read for it, with the cursor of
 * its last item when there are more.
 */
export function pageOf<R, T>(
  rows: R[],
  limit: number,
  toItem: (row: R) => T,
  keyOf: (item: T) => Array<number | string>,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit).map(toItem);
  return {
    items,
    nextCursor:
      rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null,
  };
}
