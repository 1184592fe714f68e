/** Waits (up to ~5 s) until the check holds: for what a write starts in the background. */
export async function until(check: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  throw new Error('gave up waiting');
}
