import { expect, Page, test } from '@playwright/test';

// The install test's smoke test, in an app made by `@backstage/create-app` with the suite installed
// as the README says: the generator's guest (signed in as user:default/guest, the PM of the README's
// example product) rates the product and posts an idea from the example website's page, finds both on
// the product's Feedback tab, publishes a post on its News tab, sees the Roadmap tab, re-evaluates the
// product on its Scorecard tab, and finds it on the portfolio page.

const SYSTEM = process.env.TRY_INSTALL_SYSTEM ?? 'legacy';
const SHOTS = process.env.TRY_INSTALL_SCREENSHOTS ?? 'screenshots/try-install';
const PRODUCT = '/catalog/default/platformproduct/example-platform';
const PART = '/catalog/default/component/example-website';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SHOTS}/${SYSTEM}-${name}.png`, fullPage: true });

/** Lets lazy cards and the catalog graph finish drawing before a screenshot. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  // indeterminate progress bars (loading); a determinate one (a value) is content
  await expect(
    page.locator('[role="progressbar"]:not([aria-valuenow])'),
  ).toHaveCount(0);
  await page.waitForTimeout(1_500);
}

/** The generator's sign-in page offers the guest ("Enter"); a later visit is signed in already. */
async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  const signedIn = page
    .getByText('Menu')
    .or(page.getByRole('navigation'))
    .first();
  await expect(enter.or(signedIn).first()).toBeVisible({ timeout: 60_000 });
  if (await enter.isVisible()) await enter.click();
  await expect(enter).toBeHidden();
}

/** The catalog reads examples/platform-product.yaml a few seconds after start: reload until it has. */
async function gotoEntity(page: Page, path: string, heading: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(
      page.getByRole('heading', { name: heading }).first(),
    ).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
}

test(`${SYSTEM} frontend: product page, feedback from a part, news, scorecard, portfolio`, async ({
  page,
}) => {
  const stamp = Date.now();
  const comment = `Our website went live in an afternoon (${stamp}).`;
  const idea = `Preview every pull request (${stamp})`;
  const news = `Example Platform 1.1 is out (${stamp})`;
  const errors: string[] = [];
  page.on('pageerror', e => errors.push(String(e)));

  await signInAsGuest(page);

  // the product page: overview with its PM, and its tabs
  await gotoEntity(page, PRODUCT, 'Example Platform');
  for (const tab of ['Overview', 'News', 'Feedback', 'Roadmap', 'Scorecard']) {
    // tabs in the legacy entity layout, links in the new frontend system's
    await expect(
      page
        .getByRole('tab', { name: tab, exact: true })
        .or(page.getByRole('link', { name: tab, exact: true }))
        .first(),
    ).toBeVisible();
  }
  await expect(
    page.getByText('Every team puts a website online').first(),
  ).toBeVisible();
  await expect(page.getByText('guest').first()).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Give feedback' }).first(),
  ).toBeVisible();
  await settle(page);
  await shot(page, 'product');

  // the part's page: which product it is part of, and "Give feedback"
  await gotoEntity(page, PART, 'example-website');
  await expect(page.getByText('Example Platform').first()).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Give feedback' }).first(),
  ).toBeVisible();
  await settle(page);
  await shot(page, 'component');

  // a rating...
  await page.getByRole('button', { name: 'Give feedback' }).first().click();
  let dialog = page.getByRole('dialog');
  await expect(
    dialog.getByText(
      'How likely are you to recommend Example Platform to a colleague?',
    ),
  ).toBeVisible();
  await dialog.getByRole('button', { name: '9', exact: true }).click();
  await dialog.getByLabel('Comment (optional)').fill(comment);
  await dialog.getByRole('button', { name: 'Send rating' }).click();
  await expect(
    dialog.getByText('Thank you for rating Example Platform.'),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // ...and an idea
  await page.getByRole('button', { name: 'Give feedback' }).first().click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: 'Post' }).click();
  await dialog.getByRole('radio', { name: /Idea/ }).check();
  await dialog.getByLabel('Title').fill(idea);
  await dialog
    .getByLabel('Details')
    .fill('A **preview** link on each pull request.');
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(
    dialog.getByRole('link', { name: 'See your post' }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // both on the product's Feedback tab
  await page.goto(`${PRODUCT}/feedback`);
  await expect(page.getByTestId('nps-score')).toBeVisible();
  await expect(
    page.getByTestId('rating-row').filter({ hasText: comment }),
  ).toBeVisible();
  await expect(
    page.getByTestId('feedback-row').filter({ hasText: idea }),
  ).toBeVisible();
  await settle(page);
  await shot(page, 'feedback');

  // a post published on the News tab is listed there
  await page.goto(`${PRODUCT}/news`);
  await page.getByRole('button', { name: 'New announcement' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: /Release/ }).check();
  await dialog.getByLabel('Title').fill(news);
  await dialog
    .getByLabel('Summary')
    .fill('Preview links on every pull request.');
  await dialog
    .getByLabel('Body')
    .fill('Open a pull request and follow its **preview** link.');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(news).first()).toBeVisible();
  await settle(page);
  await shot(page, 'news');

  // the Scorecard tab: evaluated now (the scheduled run may not have come yet), with its level and checks
  await page.goto(`${PRODUCT}/scorecard`);
  await expect(
    page.getByRole('heading', { name: 'Scorecard of Example Platform' }),
  ).toBeVisible();
  await page.getByRole('button', { name: /Re-evaluate now/ }).click();
  await expect(page.getByTestId('scorecard-score')).toContainText('/ 100');
  await expect(page.getByTestId('score-summary')).toContainText(
    /Evaluated (just now|\d+ seconds? ago)/,
  );
  // the guest is the README product's PM: the first check passes
  await expect(
    page.locator('[data-testid="scorecard-check"][data-status="pass"]').first(),
  ).toBeVisible();
  await settle(page);
  await shot(page, 'scorecard');

  // the portfolio, from the sidebar: a row for the product with its score
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await expect(page).toHaveURL(/\/platform-products$/);
  const row = page
    .getByTestId('portfolio-row')
    .filter({ hasText: 'Example Platform' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('portfolio-score')).toHaveText(/^\d+$/);
  await settle(page);
  await shot(page, 'portfolio');

  expect(errors, 'uncaught errors in the page').toEqual([]);
});
