import { expect, Page, test } from '@playwright/test';
// the legacy demo's browser-test helpers, shared (packages/app exports nothing: it is an app)
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { DEVELOPER, PM, shot, signIn } from 'app/e2e-tests/helpers';

// The suite in the demo app on the new frontend system (packages/app-next, :3001):
// the same backend and catalog as packages/app, the plugin mounted from `./alpha`.
// Screenshots are prefixed `next-`.

// several people, each in a browser of their own: more than the default 90 s on a busy machine
test.setTimeout(180_000);

const PRODUCT_PAGE = '/catalog/default/platformproduct/deployment-platform';

/** An entity page tab (links in the new frontend system's entity page header). */
const tab = (page: Page, name: string) =>
  page.getByRole('link', { name, exact: true });

test('app-next: the demo sign-in, then a product page with its overview, News, Feedback and Roadmap tabs', async ({
  page,
}) => {
  // the same demo sign-in page as packages/app, through SignInPageBlueprint
  await page.goto('/');
  await expect(page.getByText('Who are you today?')).toBeVisible();
  await page.getByText('Sign in as Jane Doe').click();

  await page.goto(PRODUCT_PAGE);
  const main = page.locator('main');
  await expect(main.getByText('Jane Doe').first()).toBeVisible();
  await expect(main.getByText(/one command/i).first()).toBeVisible();
  await expect(main.getByText('#deploy-help')).toBeVisible();
  await expect(
    main.getByRole('link', { name: /deploy-cli/i }).first(),
  ).toBeVisible();
  await expect(main.getByText(/adopting teams?/i).first()).toBeVisible();
  await expect(
    main.getByRole('button', { name: 'Give feedback' }),
  ).toBeVisible();
  // the roadmap card, right after the product's overview, links to the Roadmap tab
  await expect(
    main.getByRole('link', { name: /See the whole roadmap/ }),
  ).toBeVisible();
  // the Platform news page is in the app's navigation
  await expect(
    page.getByRole('link', { name: 'Platform news' }).first(),
  ).toBeVisible();
  await shot(page, 'next-product-page');

  await tab(page, 'News').click();
  await expect(page).toHaveURL(new RegExp(`${PRODUCT_PAGE}/news$`));
  await expect(
    page.getByRole('button', { name: 'New announcement' }),
  ).toBeVisible();

  await tab(page, 'Feedback').click();
  await expect(page).toHaveURL(new RegExp(`${PRODUCT_PAGE}/feedback$`));
  // the product team's view of it (Jane Doe is the PM)
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();

  await tab(page, 'Roadmap').click();
  await expect(page).toHaveURL(new RegExp(`${PRODUCT_PAGE}/roadmap$`));
  await expect(
    page.getByRole('heading', { name: 'Roadmap of Deployment Platform' }),
  ).toBeVisible();
  // the product team's view of it: a first item, or a new one
  await expect(
    page.getByRole('button', { name: /^(New item|Create the first item)$/ }),
  ).toBeVisible();
  await shot(page, 'next-roadmap-tab');

  // the tabs are on products only
  await page.goto('/catalog/default/component/deploy-cli');
  await expect(page.getByText(/part of product/i).first()).toBeVisible();
  await expect(tab(page, 'Feedback')).toHaveCount(0);
  await expect(tab(page, 'Roadmap')).toHaveCount(0);
});

test('app-next: a developer posts feedback from a part, the link leads to it on the Feedback tab, the PM finds it there', async ({
  page,
  browser,
  baseURL,
}) => {
  const title = `Preview URLs in the CLI output (${Date.now()})`;

  await signIn(page, DEVELOPER);
  await page.goto('/catalog/default/component/deploy-cli');
  await expect(page.getByText(/part of product/i).first()).toBeVisible();
  await expect(
    page.getByRole('link', { name: /deployment platform/i }).first(),
  ).toBeVisible();
  await shot(page, 'next-component-page');

  await page.getByRole('button', { name: 'Give feedback' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: 'Post' }).click();
  await dialog.getByRole('radio', { name: /Idea/ }).check();
  await dialog.getByLabel('Title').fill(title);
  await dialog
    .getByLabel('Details')
    .fill('Print the preview URL after a deploy.');
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await dialog.getByRole('link', { name: 'See your post' }).click();
  // the link notifications use too: the product's Feedback tab with the post open
  await expect(page).toHaveURL(new RegExp(`${PRODUCT_PAGE}/feedback\\?post=`));
  await expect(
    page.getByRole('dialog').getByRole('heading', { name: title }),
  ).toBeVisible();

  const pmContext = await browser.newContext({ baseURL });
  const pm = await pmContext.newPage();
  await signIn(pm, PM);
  await pm.goto(`${PRODUCT_PAGE}/feedback`);
  await expect(pm.getByRole('button', { name: 'Export CSV' })).toBeVisible();
  const row = pm.getByTestId('feedback-row').filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row.getByText('New', { exact: true })).toBeVisible();
  await shot(pm, 'next-feedback-tab');
  await pmContext.close();
});

test('app-next: the PM posts on the News tab, the post is on the Platform news page and opens at /platform-news/<id>', async ({
  page,
}) => {
  const title = `deploy CLI 3.1 (${Date.now()})`;

  await signIn(page, PM);
  await page.goto(`${PRODUCT_PAGE}/news`);
  await page.getByRole('button', { name: 'New announcement' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: /Release/ }).check();
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Summary').fill('Preview URLs after each deploy.');
  await dialog.getByLabel('Body').fill('Upgrade with `brew upgrade deploy`.');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByTestId('announcement').filter({ hasText: title }),
  ).toBeVisible();
  await shot(page, 'next-news-tab');

  // through the app's navigation
  await page.getByRole('link', { name: 'Platform news' }).first().click();
  await expect(page).toHaveURL(/\/platform-news$/);
  const posted = page.getByTestId('announcement').filter({ hasText: title });
  await expect(posted).toBeVisible();
  await shot(page, 'next-news-page');
  await posted.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/platform-news\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByTestId('announcement-body')).toContainText(
    'brew upgrade deploy',
  );
});

test('app-next: the Portfolio is in the navigation, its rows lead to a product whose Scorecard tab shows the checks; a part shows the score', async ({
  page,
}) => {
  await signIn(page, PM);
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await expect(page).toHaveURL(/\/platform-products$/);
  await expect(
    page.getByRole('heading', { name: 'Platform portfolio' }),
  ).toBeVisible();
  // the first evaluation of the demo catalog may still be running
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('portfolio-summary')).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 120_000 });
  await shot(page, 'next-portfolio');

  await page
    .getByTestId('portfolio-row')
    .getByRole('link', { name: 'Deployment Platform', exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`${PRODUCT_PAGE}$`));
  await tab(page, 'Scorecard').click();
  await expect(page).toHaveURL(new RegExp(`${PRODUCT_PAGE}/scorecard$`));
  await expect(
    page.getByRole('heading', { name: 'Scorecard of Deployment Platform' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Bronze' })).toBeVisible();
  await expect(page.getByTestId('score-trend-chart')).toBeVisible();
  await shot(page, 'next-scorecard-tab');

  await page.goto('/catalog/default/component/deploy-cli');
  await expect(
    page.getByText('Scorecard of Deployment Platform'),
  ).toBeVisible();
  await expect(page.getByTestId('score-card-score')).toBeVisible();
  await expect(tab(page, 'Scorecard')).toHaveCount(0);
});
