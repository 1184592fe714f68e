/**
 * The message to show for a failed request: the server's own message (a 400
 * names the field and the problem), else the error's.
 */
export function errorMessage(error: unknown): string {
  const e = error as
    | { body?: { error?: { message?: string } }; message?: string }
    | undefined;
  return e?.body?.error?.message || e?.message || String(error);
}
