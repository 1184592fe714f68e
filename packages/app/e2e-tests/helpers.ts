import { expect, Page } from '@playwright/test';

/** Screenshots go to the git-ignored screenshots/ folder, to be looked at. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });

/**
 * The demo's sign-in page offers the guest provider, mapped to Jane Doe (a PM); after
 * the first sign-in the app signs in automatically.
 */
export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // the home page
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
}
