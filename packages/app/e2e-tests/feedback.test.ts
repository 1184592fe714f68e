import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers';

// The guest is Jane Doe, the PM of the Deployment Platform: she gives feedback like
// any user, and triages it as the product team.
test.beforeEach(({ page }) => signIn(page));

test('feedback: rate, post an idea from a part, triage and reply', async ({
  page,
}) => {
  const title = `Roll back with one command (${Date.now()})`;

  // rate the product from its overview
  await page.goto('/catalog/default/platformproduct/deployment-platform');
  await page.getByRole('button', { name: 'Give feedback' }).click();
  let dialog = page.getByRole('dialog');
  await expect(
    dialog.getByText(
      'How likely are you to recommend Deployment Platform to a colleague?',
    ),
  ).toBeVisible();
  await dialog.getByRole('button', { name: '9', exact: true }).click();
  await dialog.getByLabel('Comment (optional)').fill('Fast and boring.');
  await shot(page, 'feedback-rate');
  await dialog.getByRole('button', { name: 'Send rating' }).click();
  await expect(
    dialog.getByText('Thank you for rating Deployment Platform.'),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // post an idea from a part's page
  await page.goto('/catalog/default/component/deploy-cli');
  await page.getByRole('button', { name: 'Give feedback' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: 'Post' }).click();
  await dialog.getByRole('radio', { name: /Idea/ }).check();
  await dialog.getByLabel('Title').fill(title);
  await dialog
    .getByLabel('Details')
    .fill(
      'Today a rollback is **three** commands: `deploy rollback` would do.',
    );
  await shot(page, 'feedback-post');
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await dialog.getByRole('link', { name: 'See your post' }).click();

  // the Feedback tab opens the post (as a notification link would)
  await expect(page).toHaveURL(
    /\/catalog\/default\/platformproduct\/deployment-platform\/feedback\?post=/,
  );
  dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: title })).toBeVisible();
  await expect(dialog.locator('strong', { hasText: 'three' })).toBeVisible();

  // Jane is the PM: she marks it planned and replies officially
  await dialog.getByLabel('Change status').selectOption('planned');
  await dialog.getByRole('button', { name: 'Save status' }).click();
  await expect(dialog.getByText('Planned', { exact: true })).toBeVisible();
  await dialog.getByLabel('Your reply').fill('Planned for next quarter.');
  await dialog.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(dialog.getByText('Planned for next quarter.')).toBeVisible();
  await expect(dialog.getByText('Official')).toBeVisible();
  await shot(page, 'feedback-thread');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // the tab: NPS and the idea
  await expect(page.getByTestId('nps-score')).toBeVisible();
  await expect(page.getByText(/Promoters \(9-10\): \d+/)).toBeVisible();
  const row = page.getByTestId('feedback-row').filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row.getByText('Planned')).toBeVisible();
  await expect(row.getByLabel('1 reply')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();
  await shot(page, 'feedback-tab');
});
