import { expect, test } from '@playwright/test';
import { shot } from './helpers';

test('the demo sign-in page lets you act as a developer, and sign out to pick again', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('Who are you today?')).toBeVisible();
  await shot(page, 'sign-in');
  await page.getByText('Sign in as Kim Nguyen').click();

  await page.goto('/settings');
  await expect(page.getByText('Kim Nguyen').first()).toBeVisible();
  await expect(page.getByText('kim.nguyen@example.com')).toBeVisible();

  await page.getByTestId('user-settings-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByText('Who are you today?')).toBeVisible();
});
