import { BrowserContext, expect, Page } from '@playwright/test';

/** Screenshots go to the git-ignored screenshots/ folder, to be looked at. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });

/** Demo catalog users the tests act as (examples/org.yaml). */
export const PM = 'jane.doe';
export const DEVELOPER = 'kim.nguyen';

/**
 * Signs in as a demo user: the demo sign-in page stores the pick in the `demo-user`
 * cookie and the backend's demo sign-in reads it, so setting the cookie is the pick.
 */
export async function signIn(page: Page, user: string = PM) {
  await signInContext(page.context(), user);
  await page.goto('/catalog');
  await expect(
    page.getByRole('heading', { name: /catalog/i }).first(),
  ).toBeVisible();
}

export async function signInContext(context: BrowserContext, user: string) {
  await context.addCookies([
    { name: 'demo-user', value: user, domain: 'localhost', path: '/' },
  ]);
}
