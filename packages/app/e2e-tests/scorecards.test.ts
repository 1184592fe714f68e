import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import { callAs } from './backend';
import { PM, shot, signIn } from './helpers';

// the first evaluation of the demo catalog may still be running when the tests start
test.setTimeout(180_000);

const PORTFOLIO = '/platform-products';
const PRODUCT_PAGE = '/catalog/default/platformproduct/deployment-platform';
const LEVEL_LABELS: Record<string, string> = {
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};

type DemoProduct = { ref: string; name: string; title: string; owner: string };
type PortfolioItem = {
  productRef: string;
  title: string;
  level: string | null;
  score: number;
};
type Scorecard = {
  checks: Array<{ id: string; title: string; status: string; advice: string }>;
};

/** The demo products, as examples/products.yaml names them (the tests run from the repo's root). */
function demoProducts(): DemoProduct[] {
  const yaml = fs.readFileSync('examples/products.yaml', 'utf8');
  return yaml
    .split(/^---$/m)
    .filter(doc => /^kind: PlatformProduct$/m.test(doc))
    .map(doc => {
      const name = doc.match(/^ {2}name: (\S+)$/m)![1];
      return {
        ref: `platformproduct:default/${name}`,
        name,
        title: doc.match(/^ {2}title: (.+)$/m)![1].trim(),
        owner: doc.match(/^ {2}owner: (\S+)$/m)![1],
      };
    });
}

/** The portfolio as the API answers it, once every demo product has been evaluated. */
async function evaluatedPortfolio(query = ''): Promise<PortfolioItem[]> {
  const count = demoProducts().length;
  let items: PortfolioItem[] = [];
  await expect
    .poll(
      async () => {
        items = (await callAs(PM, 'GET', `/portfolio${query}`)).items;
        return items.length;
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBeGreaterThanOrEqual(query ? 1 : count);
  return items;
}

const rows = (page: Page) => page.getByTestId('portfolio-row');

/** The product titles of the table's rows, top to bottom. */
const rowTitles = (page: Page) =>
  rows(page).evaluateAll(trs =>
    trs.map(tr => tr.querySelector('a')?.textContent?.trim() ?? ''),
  );

test.beforeEach(({ page }) => signIn(page));

test('scorecards: the portfolio lists every demo product with its level', async ({
  page,
}) => {
  const products = demoProducts();
  const items = await evaluatedPortfolio();

  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await expect(page).toHaveURL(new RegExp(`${PORTFOLIO}$`));
  await expect(
    page.getByRole('heading', { name: 'Platform portfolio' }),
  ).toBeVisible();
  await expect(rows(page)).toHaveCount(products.length);
  await expect(page.getByTestId('portfolio-summary')).toContainText(
    `${products.length} products:`,
  );

  for (const product of products) {
    const item = items.find(i => i.productRef === product.ref)!;
    expect(item, `${product.ref} in the portfolio`).toBeDefined();
    const row = rows(page).filter({
      has: page.getByRole('link', { name: product.title, exact: true }),
    });
    await expect(row).toHaveCount(1);
    await expect(
      row.getByText(item.level ? LEVEL_LABELS[item.level] : 'No level yet', {
        exact: true,
      }),
    ).toBeVisible();
    await expect(row.getByTestId('portfolio-score')).toHaveText(
      String(item.score),
    );
  }
  // a product without a product manager reaches no level
  const noPm = rows(page).filter({ hasText: 'Preview Environments' });
  await expect(noPm.getByText('No level yet')).toBeVisible();
  await shot(page, 'portfolio');
});

test('scorecards: the portfolio sorts by score and narrows to one team', async ({
  page,
}) => {
  const products = demoProducts();
  const byScore = await evaluatedPortfolio('?sort=score');
  await page.goto(PORTFOLIO);
  await expect(rows(page)).toHaveCount(products.length);
  const byTitle = await rowTitles(page);

  await page.getByRole('button', { name: 'Score' }).click();
  await expect(page).toHaveURL(/sort=score/);
  await expect
    .poll(() => rowTitles(page))
    .toEqual(byScore.map(item => item.title));
  expect(await rowTitles(page)).not.toEqual(byTitle);
  const scores = (
    await rows(page).getByTestId('portfolio-score').allTextContents()
  ).map(Number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));

  // again: lowest first
  await page.getByRole('button', { name: 'Score' }).click();
  await expect(page).toHaveURL(/sort=-score/);
  await expect
    .poll(async () =>
      (
        await rows(page).getByTestId('portfolio-score').allTextContents()
      ).map(Number),
    )
    .toEqual([...scores].sort((a, b) => a - b));
  await shot(page, 'portfolio-by-score');

  const team = 'group:default/platform-team';
  const teamTitles = products
    .filter(p => p.owner === team)
    .map(p => p.title)
    .sort();
  await page.getByLabel('Owning team').selectOption(team);
  await expect(page).toHaveURL(/owner=group%3Adefault%2Fplatform-team/);
  await expect(rows(page)).toHaveCount(teamTitles.length);
  expect((await rowTitles(page)).sort()).toEqual(teamTitles);
  await shot(page, 'portfolio-platform-team');
});

test("scorecards: a product's Scorecard tab shows its checks by level, advice on a failing one, and the trend", async ({
  page,
}) => {
  await evaluatedPortfolio();
  await page.goto(PRODUCT_PAGE);
  // the score card on the overview links to the tab
  const card = page.getByTestId('product-score');
  await expect(card).toBeVisible();
  await shot(page, 'product-page-score');
  await card.getByRole('link', { name: /^See / }).click();
  await expect(page).toHaveURL(new RegExp(`${PRODUCT_PAGE}/scorecard$`));
  await expect(
    page.getByRole('heading', { name: 'Scorecard of Deployment Platform' }),
  ).toBeVisible();
  for (const level of ['Bronze', 'Silver', 'Gold']) {
    await expect(page.getByRole('region', { name: level })).toBeVisible();
  }
  await expect(page.getByTestId('score-trend-chart')).toBeVisible();
  // the chart itself (a product evaluated today has one point: a dot, no area yet)
  await expect(
    page
      .getByTestId('score-trend-chart')
      .locator('svg.recharts-surface')
      .first(),
  ).toBeVisible();
  // Jane Doe is the PM: she may re-evaluate it now
  await page.getByRole('button', { name: 'Re-evaluate now' }).click();
  await expect(
    page.getByText(/Evaluated (just now|\d+ seconds? ago)/),
  ).toBeVisible();
  await shot(page, 'scorecard-tab');

  // a product without a PM fails its first check, with what to do about it
  const ref = 'platformproduct:default/preview-environments';
  const scorecard: Scorecard = await callAs(
    PM,
    'GET',
    `/scorecards?productRef=${encodeURIComponent(ref)}`,
  );
  const failing = scorecard.checks.find(c => c.status === 'fail')!;
  expect(failing, 'a failing check of Preview Environments').toBeDefined();
  await page.goto(
    '/catalog/default/platformproduct/preview-environments/scorecard',
  );
  const check = page
    .getByTestId('scorecard-check')
    .filter({ hasText: failing.title });
  await expect(check).toHaveAttribute('data-status', 'fail');
  await expect(check.getByTestId('check-advice')).toContainText(failing.advice);
  await shot(page, 'scorecard-tab-no-pm');
});

test('scorecards: the export downloads a CSV with a row per product', async ({
  page,
}) => {
  const products = demoProducts();
  await evaluatedPortfolio();
  await page.goto(PORTFOLIO);
  await expect(rows(page)).toHaveCount(products.length);

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(
    /^platform-portfolio-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) {
    chunks.push(chunk as Buffer);
  }
  const lines = Buffer.concat(chunks).toString('utf8').trim().split(/\r?\n/);
  // a header, then one line per product
  expect(lines).toHaveLength(products.length + 1);
  for (const product of products) {
    expect(
      lines.filter(line => line.includes(product.title)),
      product.title,
    ).toHaveLength(1);
  }
});
