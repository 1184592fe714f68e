import { expect, test } from '@playwright/test';
import { DEVELOPER, PM, shot, signIn } from './helpers';

// several people, each in a browser of their own: more than the default 90 s on a busy machine
test.setTimeout(180_000);

// Two people: Kim Nguyen, a developer whose team deploys with the Deployment Platform,
// gives feedback from a part's page; Jane Doe, its product manager, triages and replies;
// Kim hears back through a notification.
test('feedback: a developer rates and posts from a part, the PM triages and replies, the developer hears back', async ({
  page,
  browser,
  baseURL,
}) => {
  const stamp = Date.now();
  const comment = `Fast and boring, as it should be (${stamp}).`;
  const title = `Roll back with one command (${stamp})`;

  // the developer rates the product from a part's page...
  await signIn(page, DEVELOPER);
  await page.goto('/catalog/default/component/deploy-cli');
  await page.getByRole('button', { name: 'Give feedback' }).click();
  let dialog = page.getByRole('dialog');
  await expect(
    dialog.getByText(
      'How likely are you to recommend Deployment Platform to a colleague?',
    ),
  ).toBeVisible();
  await dialog.getByRole('button', { name: '9', exact: true }).click();
  await dialog.getByLabel('Comment (optional)').fill(comment);
  await shot(page, 'feedback-rate');
  await dialog.getByRole('button', { name: 'Send rating' }).click();
  await expect(
    dialog.getByText('Thank you for rating Deployment Platform.'),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // ...and posts an idea there, anonymously
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
  await dialog.getByLabel('Anonymous').check();
  await shot(page, 'feedback-post');
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(
    dialog.getByRole('link', { name: 'See your post' }),
  ).toBeVisible();

  // the PM, in a browser of her own, finds both on the Feedback tab
  const pmContext = await browser.newContext({ baseURL });
  const pmPage = await pmContext.newPage();
  await signIn(pmPage, PM);
  await pmPage.goto(
    '/catalog/default/platformproduct/deployment-platform/feedback',
  );
  await expect(pmPage.getByTestId('nps-score')).toBeVisible();
  const rating = pmPage.getByTestId('rating-row').filter({ hasText: comment });
  await expect(rating).toBeVisible();
  await expect(rating.getByText(/^kim\.nguyen · /)).toBeVisible();
  const row = pmPage.getByTestId('feedback-row').filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row.getByText('New', { exact: true })).toBeVisible();
  await expect(row.getByText(/anonymous/)).toBeVisible();

  // she marks it planned and replies: an official reply
  await row.getByRole('button', { name: title }).click();
  dialog = pmPage.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: title })).toBeVisible();
  await expect(dialog.locator('strong', { hasText: 'three' })).toBeVisible();
  await expect(dialog.getByText('kim.nguyen')).toHaveCount(0);
  await dialog.getByLabel('Change status').selectOption('planned');
  await dialog.getByRole('button', { name: 'Save status' }).click();
  await expect(dialog.getByText('Planned', { exact: true })).toBeVisible();
  await dialog.getByLabel('Your reply').fill('Planned for next quarter.');
  await dialog.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(dialog.getByText('Planned for next quarter.')).toBeVisible();
  await expect(dialog.getByText('Official')).toBeVisible();
  await shot(pmPage, 'feedback-thread');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(row.getByText('Planned')).toBeVisible();
  await expect(row.getByText('Team replied')).toBeVisible();
  await expect(
    pmPage.getByRole('button', { name: 'Export CSV' }),
  ).toBeVisible();
  await shot(pmPage, 'feedback-tab');
  await pmContext.close();

  // the developer finds both notifications and, through one, the reply
  await page.goto('/notifications');
  await expect(
    page.getByText(`Your feedback "${title}" is now planned`),
  ).toBeVisible();
  const replied = page.getByText(
    `The product team replied to your feedback "${title}"`,
  );
  await expect(replied).toBeVisible();
  await shot(page, 'feedback-notifications');
  await replied.click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/platformproduct\/deployment-platform\/feedback\?post=/,
  );
  dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: title })).toBeVisible();
  await expect(dialog.getByText('Planned for next quarter.')).toBeVisible();
  await expect(dialog.getByText('Official')).toBeVisible();
  await shot(page, 'feedback-answer');

  // back on the list, the developer votes for the idea; the vote is still there after a reload
  await dialog.getByRole('button', { name: 'Close' }).click();
  const ownRow = page.getByTestId('feedback-row').filter({ hasText: title });
  await ownRow.getByRole('button', { name: 'Vote (0 votes)' }).click();
  await expect(
    ownRow.getByRole('button', { name: 'Remove your vote (1 vote)' }),
  ).toBeVisible();
  await page.reload();
  await ownRow
    .getByRole('button', { name: 'Remove your vote (1 vote)' })
    .click();
  await expect(
    ownRow.getByRole('button', { name: 'Vote (0 votes)' }),
  ).toBeVisible();
});
