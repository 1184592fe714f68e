import { expect, Locator, Page, test } from '@playwright/test';
import { callAs } from './backend';
import { DEVELOPER, PM, shot, signIn } from './helpers';

// several people, each in a browser of their own: more than the default 90 s on a busy machine
test.setTimeout(360_000);

const PRODUCT = 'platformproduct:default/deployment-platform';
const PRODUCT_PAGE = '/catalog/default/platformproduct/deployment-platform';
// Chen Wei's team does not own the product: a user who voted for the idea
const VOTER = 'chen.wei';

/** An item's card in one column of the Roadmap tab. */
const cardIn = (page: Page, horizon: string, title: string) =>
  page
    .getByTestId(`roadmap-column-${horizon}`)
    .getByTestId('roadmap-item')
    .filter({ hasText: title });

/**
 * Opens an item's action menu and picks an entry from the keyboard; `screenshot` names
 * a screenshot of the open menu.
 */
async function chooseFromMenu(
  page: Page,
  card: Locator,
  entry: string,
  screenshot?: string,
) {
  await card.getByRole('button', { name: /^Actions for / }).click();
  if (screenshot) await shot(page, screenshot);
  const item = page.getByRole('menuitem', { name: entry });
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeHidden();
}

/** This quarter and the next, as the API writes them: "2027-Q1". */
function quarters() {
  const now = new Date();
  const q = Math.floor(now.getMonth() / 3);
  const year = now.getFullYear();
  return [
    `${year}-Q${q + 1}`,
    `${year + (q === 3 ? 1 : 0)}-Q${((q + 1) % 4) + 1}`,
  ];
}

/**
 * A believable roadmap around the test's own item, as the PM keeps it (once per demo
 * backend): items in Now, Next and Later, carrying ideas that people asked and voted for.
 */
async function planTheRoadmap() {
  const roadmap = await callAs(
    PM,
    'GET',
    `/roadmap?productRef=${encodeURIComponent(PRODUCT)}`,
  );
  if (roadmap.items.length >= 3) return;
  const [thisQuarter, nextQuarter] = quarters();
  const plan = [
    {
      title: 'One-command rollbacks',
      description:
        '`deploy rollback` returns to the last good release in under a minute.',
      horizon: 'now',
      status: 'in-progress',
      targetQuarter: thisQuarter,
      asked: {
        author: 'lena.fischer',
        title: 'Roll back without a redeploy',
        voters: ['tomas.novak', 'raj.iyer', 'alex.morgan'],
      },
    },
    {
      title: 'Preview URLs in the deploy output',
      description: 'Print where the new version runs as soon as it is up.',
      horizon: 'next',
      status: 'planned',
      targetQuarter: nextQuarter,
      asked: {
        author: 'raj.iyer',
        title: 'Show the preview URL after a deploy',
        voters: ['lena.fischer'],
      },
    },
    {
      title: 'Deploy to several regions at once',
      description: 'One release, rolled out region by region.',
      horizon: 'later',
      status: 'exploring',
    },
  ];
  for (const { asked, ...fields } of plan) {
    const item = await callAs(PM, 'POST', '/roadmap/items', {
      productRef: PRODUCT,
      ...fields,
    });
    if (!asked) continue;
    const post = await callAs(asked.author, 'POST', '/feedback', {
      entityRef: PRODUCT,
      type: 'idea',
      title: asked.title,
    });
    for (const voter of asked.voters) {
      await callAs(voter, 'PUT', `/feedback/${post.id}/vote`);
    }
    await callAs(PM, 'PUT', `/roadmap/items/${item.id}/links/${post.id}`);
  }
}

/**
 * The person has exactly one notification with this title. They come in the background,
 * so look again (the page loads slowly on a busy machine: wait for its list each time).
 */
async function expectOneNotification(page: Page, title: string) {
  await expect(async () => {
    await page.goto('/notifications');
    await expect(page.getByText(/notifications \(\d+\)/i)).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText(title, { exact: true })).toHaveCount(1, {
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
}

// Kim Nguyen asked for an idea and Chen Wei voted for it; Jane Doe, the PM of the Deployment
// Platform, puts it on the roadmap, ships it and announces it; both hear of it once.
test('roadmap: the PM moves an item from Next to Now, links a voted idea, ships it; its author and a voter hear once; the idea shows done; the PM publishes the release post', async ({
  page,
  browser,
  baseURL,
}) => {
  const stamp = Date.now();
  const ideaTitle = `Canary releases for every service (${stamp})`;
  const itemTitle = `Canary deploys with automatic rollback (${stamp})`;

  // the idea and its vote, through the API as those people (the feedback test covers the UI)
  const idea = await callAs(DEVELOPER, 'POST', '/feedback', {
    entityRef: PRODUCT,
    type: 'idea',
    title: ideaTitle,
    body: 'Send 5% of the traffic to the new version first, and roll back on errors.',
  });
  await callAs(VOTER, 'PUT', `/feedback/${idea.id}/vote`);
  await planTheRoadmap();

  // the PM puts a new item in Next
  await signIn(page, PM);
  await page.goto(`${PRODUCT_PAGE}/roadmap`);
  await expect(
    page.getByRole('heading', { name: 'Roadmap of Deployment Platform' }),
  ).toBeVisible();
  await page
    .getByRole('button', { name: /^(New item|Create the first item)$/ })
    .click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(itemTitle);
  await dialog
    .getByLabel('Description')
    .fill(
      'Roll out to **5%** of traffic first, watch the error rate, and roll back by itself when it climbs.',
    );
  await dialog.getByLabel('Horizon').selectOption('next');
  await dialog.getByLabel('Status').selectOption('planned');
  await dialog.getByLabel('Target quarter').selectOption({ index: 2 });
  await shot(page, 'roadmap-new-item');
  await dialog.getByRole('button', { name: 'Add to the roadmap' }).click();
  await expect(dialog).toBeHidden();
  await expect(cardIn(page, 'next', itemTitle)).toBeVisible();

  // ...moves it from Next to Now, from the keyboard
  await chooseFromMenu(
    page,
    cardIn(page, 'next', itemTitle),
    'Move to Now',
    'roadmap-menu',
  );
  const card = cardIn(page, 'now', itemTitle);
  await expect(card).toBeVisible();
  await expect(cardIn(page, 'next', itemTitle)).toHaveCount(0);
  await expect(
    page.getByText(`Moved “${itemTitle}” to Now.`, { exact: true }),
  ).toBeVisible();

  // ...links the voted idea to it: one request, two people (the author and the voter)
  await chooseFromMenu(page, card, 'Link feedback…');
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Search').fill(String(stamp));
  await dialog.getByRole('button', { name: `Link ${ideaTitle}` }).click();
  await expect(
    dialog.getByRole('button', { name: `${ideaTitle} is linked` }),
  ).toBeDisabled();
  await shot(page, 'roadmap-link-feedback');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(card.getByTestId('roadmap-demand')).toHaveText(
    '1 request · 2 people',
  );
  await card.getByRole('button', { name: 'Details' }).click();
  await expect(card.getByRole('link', { name: ideaTitle })).toBeVisible();
  await expect(card.locator('strong', { hasText: '5%' })).toBeVisible();
  await shot(page, 'roadmap-tab');

  // ...and marks it shipped
  await chooseFromMenu(page, card, 'Mark shipped…');
  dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(
    'Its linked request moves to done, and the 2 people who asked or voted each get one “you asked, we shipped” notification.',
  );
  await shot(page, 'roadmap-ship-confirm');
  await dialog.getByRole('button', { name: 'Mark shipped' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(
      `Shipped “${itemTitle}”: 1 request marked done, and the 2 people behind them are being told.`,
    ),
  ).toBeVisible();
  await expect(card).toHaveCount(0);
  const shipped = page
    .getByTestId('roadmap-history-item')
    .filter({ hasText: itemTitle });
  await expect(shipped).toContainText(/Shipped \w+ \d+, \d{4}/);
  await shot(page, 'roadmap-shipped');

  // the author and the voter each get one "you asked, we shipped"
  // one at a time: two browsers loading the app at once are slow on a busy machine
  const people = [];
  for (const user of [DEVELOPER, VOTER]) {
    const context = await browser.newContext({ baseURL });
    const person = await context.newPage();
    await signIn(person, user);
    people.push({ user, context, page: person });
  }
  const shippedTitle = `You asked, we shipped: ${itemTitle}`;
  for (const person of people) {
    await expectOneNotification(person.page, shippedTitle);
    await shot(person.page, `roadmap-notification-${person.user}`);
  }

  // the author follows it to the item, and finds the idea done and carried by the item
  const author = people[0].page;
  await author.getByText(shippedTitle, { exact: true }).click();
  await expect(author).toHaveURL(new RegExp(`${PRODUCT_PAGE}/roadmap\\?item=`));
  const followed = author
    .getByTestId('roadmap-history-item')
    .filter({ hasText: itemTitle });
  await expect(followed).toHaveAttribute('aria-current', 'true');
  // opened: what shipped, and the request it answers
  await expect(followed.getByRole('link', { name: ideaTitle })).toBeVisible();
  await shot(author, 'roadmap-author-follows');

  await author.goto(`${PRODUCT_PAGE}/feedback?post=${idea.id}`);
  dialog = author.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: ideaTitle })).toBeVisible();
  await expect(dialog.getByText('Done', { exact: true })).toBeVisible();
  const onRoadmap = dialog.getByRole('link', {
    name: `On the roadmap: ${itemTitle} (Shipped)`,
  });
  await expect(onRoadmap).toHaveAttribute(
    'href',
    new RegExp(`${PRODUCT_PAGE}/roadmap\\?item=`),
  );
  await shot(author, 'roadmap-idea-done');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const row = author.getByTestId('feedback-row').filter({ hasText: ideaTitle });
  await expect(row.getByTestId('roadmap-item-chip')).toHaveText(
    `On the roadmap: ${itemTitle} (Shipped)`,
  );
  await shot(author, 'roadmap-feedback-tab');
  for (const person of people) await person.context.close();

  // the PM publishes the prefilled release post
  await shipped.getByRole('button', { name: `Announce ${itemTitle}` }).click();
  dialog = page.getByRole('dialog');
  const postTitle = `Shipped: ${itemTitle}`;
  await expect(dialog.getByLabel('Title')).toHaveValue(postTitle);
  await expect(dialog.getByRole('radio', { name: /Release/ })).toBeChecked();
  expect(await dialog.getByLabel('Body').inputValue()).toContain(
    `## You asked, we shipped\n\n- ${ideaTitle} (1 vote)`,
  );
  await shot(page, 'roadmap-release-post');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Published “${postTitle}”`)).toBeVisible();

  await page.goto(`${PRODUCT_PAGE}/news`);
  await expect(
    page.getByTestId('announcement').filter({ hasText: postTitle }),
  ).toBeVisible();

  // the overview shows the top of Now and Next, linking to the tab
  await page.goto(PRODUCT_PAGE);
  const roadmapCard = page
    .locator('[class*="MuiCard-root"]')
    .filter({ hasText: 'See the whole roadmap' })
    .first();
  await roadmapCard.scrollIntoViewIfNeeded();
  await expect(roadmapCard).toBeVisible();
  await page.screenshot({ path: 'screenshots/roadmap-overview-card.png' });
});
