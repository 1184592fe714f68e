import { expect, Page, test } from '@playwright/test';
import { DEVELOPER, PM, shot, signIn } from './helpers';

// several people, each in a browser of their own: more than the default 90 s on a busy machine
test.setTimeout(180_000);

const PRODUCT_PAGE = '/catalog/default/platformproduct/deployment-platform';

/** A local date-time for a datetime-local input, days from now at the given hour. */
function inDays(days: number, hour: number) {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setHours(hour, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}T${pad(hour)}:00`;
}

async function openNewAnnouncement(page: Page) {
  await page.goto(`${PRODUCT_PAGE}/news`);
  await page.getByRole('button', { name: 'New announcement' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The PM publishes a release of the Deployment Platform through the News tab's dialog. */
async function publishRelease(
  page: Page,
  post: { title: string; summary: string; body: string },
) {
  const dialog = await openNewAnnouncement(page);
  await dialog.getByRole('radio', { name: /Release/ }).check();
  await dialog.getByLabel('Title').fill(post.title);
  await dialog.getByLabel('Summary').fill(post.summary);
  await dialog.getByLabel('Body').fill(post.body);
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog).toBeHidden();
}

// Jane Doe is the PM of the Deployment Platform; Kim Nguyen's team (payments-worker
// depends on deploy-cli) is one of its adopting teams.
test('news: the PM posts a deprecation, a developer of a consuming team sees it, is notified and acknowledges, the PM sees the count move', async ({
  page,
  browser,
  baseURL,
}) => {
  const title = `deploy v1 API is going away (${Date.now()})`;

  await signIn(page, PM);
  const dialog = await openNewAnnouncement(page);
  await dialog.getByRole('radio', { name: /Deprecation/ }).check();
  await dialog.getByLabel('Title').fill(title);
  await dialog
    .getByLabel('Summary')
    .fill('Move to the v2 API before it is switched off.');
  await dialog
    .getByLabel('Body')
    .fill(
      [
        'Use **v2**: see the [migration guide](https://example.com/v2).',
        '',
        '<script>window.__injected = true</script>',
        '',
        '[a trap](javascript:window.__clicked=true)',
      ].join('\n'),
    );
  await dialog.getByLabel('Takes effect on').fill(inDays(30, 9));
  await dialog.getByLabel('Tags').fill('api, migration');
  await shot(page, 'news-new-deprecation');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog).toBeHidden();
  const posted = page.getByTestId('announcement').filter({ hasText: title });
  await expect(posted).toBeVisible();
  await shot(page, 'news-tab');

  // the developer, in a browser of their own
  const devContext = await browser.newContext({ baseURL });
  const dev = await devContext.newPage();
  await signIn(dev, DEVELOPER);

  // on the page of their own component, which uses the product
  await dev.goto('/catalog/default/component/payments-worker');
  const card = dev
    .locator('[class*="MuiCard-root"]')
    .filter({ hasText: 'Latest from' })
    .first();
  await expect(card.getByText(title)).toBeVisible();
  await shot(dev, 'news-latest-card');

  // and in their notifications, which link to the post
  await dev.goto('/notifications');
  const notification = dev.getByText(`Deployment Platform: ${title}`);
  await expect(notification).toBeVisible();
  await shot(dev, 'news-notification');
  await notification.click();
  await expect(dev).toHaveURL(/\/platform-news\/[0-9a-f-]+$/);
  await expect(dev.getByRole('heading', { name: title })).toBeVisible();

  // the body is markdown without raw HTML or script links
  const body = dev.getByTestId('announcement-body');
  await expect(body.locator('strong', { hasText: 'v2' })).toBeVisible();
  await expect(
    body.getByRole('link', { name: 'migration guide' }),
  ).toHaveAttribute('href', 'https://example.com/v2');
  await expect(body.locator('script')).toHaveCount(0);
  await expect(body.locator('a[href^="javascript"]')).toHaveCount(0);
  await body.getByText('a trap').click();
  expect(
    await dev.evaluate(() => ({
      injected: (window as any).__injected,
      clicked: (window as any).__clicked,
    })),
  ).toEqual({ injected: undefined, clicked: undefined });

  await dev.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(dev.getByTestId('acknowledged')).toBeVisible();
  await shot(dev, 'news-acknowledged');
  await devContext.close();

  // the PM sees the acknowledgement in the post's reach
  await page.reload();
  await posted.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const reachButton = page.getByRole('button', { name: `Reach of ${title}` });
  if (await reachButton.isVisible()) await reachButton.click();
  const acknowledged = page.getByTestId('reach-users-acknowledged');
  await expect(acknowledged).toContainText(/^Users acknowledged\s*1 of \d+/);
  await expect(page.getByTestId('reach-panel')).toContainText(
    'Not acknowledged yet',
  );
  await shot(page, 'news-reach');
});

test('news: an event shows on the News tab, upcoming first, with its .ics', async ({
  page,
}) => {
  const title = `Deploy office hours (${Date.now()})`;
  await signIn(page, PM);
  const dialog = await openNewAnnouncement(page);
  await dialog.getByRole('radio', { name: /Event/ }).check();
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Summary').fill('Bring your rollout questions.');
  await dialog.getByLabel('Body').fill('We look at **your** pipelines live.');
  await dialog.getByLabel('Kind of event').selectOption('office-hours');
  await dialog.getByLabel('Where').fill('https://meet.example.com/deploy');
  await dialog.getByLabel('Starts').fill(inDays(7, 15));
  await dialog.getByLabel('Ends').fill(inDays(7, 16));
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog).toBeHidden();

  const upcoming = page
    .locator('[class*="MuiCard-root"]')
    .filter({ hasText: 'Upcoming events' })
    .first();
  const event = upcoming.getByTestId('announcement').filter({ hasText: title });
  await expect(event).toBeVisible();
  await expect(event.getByTestId('event-details')).toContainText(
    'meet.example.com/deploy',
  );
  await shot(page, 'news-event');

  await event.getByRole('link', { name: title }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add to calendar (.ics)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) {
    chunks.push(chunk as Buffer);
  }
  const ics = Buffer.concat(chunks).toString('utf8');
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain(`SUMMARY:${title.replace(/([,;])/g, '\\$1')}`);
  await shot(page, 'news-event-post');
});

test('news: an admin pins a global maintenance; a developer sees the banner and the unread count at home, filters the news page, and a dismissal holds on another device', async ({
  page,
  browser,
  baseURL,
}) => {
  const title = `Backstage maintenance window (${Date.now()})`;

  // Alex Morgan is in the admins group: the demo policy lets admins post global news
  await signIn(page, 'alex.morgan');
  await page.goto('/platform-news');
  await page.getByRole('button', { name: 'New global announcement' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: /Maintenance/ }).check();
  await dialog.getByLabel('Title').fill(title);
  await dialog
    .getByLabel('Summary')
    .fill('Saturday 06:00-08:00 UTC: deploys are paused.');
  await dialog.getByLabel('Body').fill('Plan releases around it.');
  await dialog.getByLabel('Pinned').check();
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog).toBeHidden();

  // the developer's home page: the banner and the unread count
  const devContext = await browser.newContext({ baseURL });
  const dev = await devContext.newPage();
  await signIn(dev, DEVELOPER);
  await dev.goto('/');
  const banner = dev
    .getByTestId('platform-news-banner')
    .filter({ hasText: title });
  await expect(banner).toBeVisible();
  await expect(dev.getByTestId('unread-count')).toHaveText(/\d+ unread/);
  await shot(dev, 'news-home');

  // the news page filters by type on the server
  await dev.goto('/platform-news');
  await dev.getByLabel('Type').selectOption('maintenance');
  await expect(
    dev.getByTestId('announcement').filter({ hasText: title }),
  ).toBeVisible();
  await expect(
    dev.getByTestId('announcement').filter({ hasText: /Deprecation/ }),
  ).toHaveCount(0);
  await shot(dev, 'news-page-filtered');

  // dismissed once, gone on every device
  await dev.goto('/');
  await banner.getByRole('button', { name: `Dismiss ${title}` }).click();
  await expect(banner).toBeHidden();
  const otherDevice = await browser.newContext({ baseURL });
  const other = await otherDevice.newPage();
  await signIn(other, DEVELOPER);
  await other.goto('/');
  await expect(other.getByTestId('unread-count')).toBeVisible();
  await expect(
    other.getByTestId('platform-news-banner').filter({ hasText: title }),
  ).toHaveCount(0);
  await otherDevice.close();
  await devContext.close();
});

test('news: a user outside the adopting teams follows a product and is notified of its next post', async ({
  page,
  browser,
  baseURL,
}) => {
  const title = `deploy CLI 3.0 (${Date.now()})`;

  // Chen Wei's team does not use the Deployment Platform: following is how Chen hears of it
  const followerContext = await browser.newContext({ baseURL });
  const follower = await followerContext.newPage();
  await signIn(follower, 'chen.wei');
  await follower.goto(`${PRODUCT_PAGE}/news`);
  await follower.getByRole('button', { name: /^Follow/ }).click();
  await expect(
    follower.getByRole('button', { name: /^Unfollow/ }),
  ).toBeVisible();

  await signIn(page, PM);
  await publishRelease(page, {
    title,
    summary: 'Rollbacks in one command.',
    body: 'Upgrade with `brew upgrade deploy`.',
  });

  await follower.goto('/notifications');
  await expect(
    follower.getByText(`Deployment Platform: ${title}`),
  ).toBeVisible();
  await shot(follower, 'news-follower-notified');
  await followerContext.close();
});

test('news: a published post is found in Backstage search and in the Atom feed', async ({
  page,
  browser,
  baseURL,
}) => {
  // one word no other document has: the demo rebuilds its search index every 10 s
  const word = `canary${Date.now()}`;
  const title = `Progressive rollouts with ${word}`;

  await signIn(page, PM);
  await publishRelease(page, {
    title,
    summary: 'Ship to 5% of traffic first.',
    body: 'Set `rollout: progressive`.',
  });

  const readerContext = await browser.newContext({ baseURL });
  const reader = await readerContext.newPage();
  await signIn(reader, DEVELOPER);
  const result = reader.getByRole('link', { name: title });
  // the collator's next run (every 10 s in the demo) indexes it
  await expect(async () => {
    await reader.goto(`/search?query=${word}`);
    await reader
      .getByRole('navigation', { name: 'filter by type' })
      .getByText('Platform news')
      .click();
    await expect(result).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000, intervals: [5_000] });
  await expect(reader.getByText('Ship to 5% of traffic first.')).toBeVisible();
  await shot(reader, 'news-search');

  await result.click();
  await expect(reader.getByRole('heading', { name: title })).toBeVisible();
  await expect(reader.getByTestId('announcement-body')).toContainText(
    'rollout: progressive',
  );

  // the product's feed opens in a tab of its own, which sends the user cookie, not a token
  await reader.goto(`${PRODUCT_PAGE}/news`);
  await expect(reader.getByText(title)).toBeVisible();
  await shot(reader, 'news-tab-reader');
  const feedTab = reader.waitForEvent('popup');
  await reader.getByRole('button', { name: 'Atom feed' }).click();
  const feed = await feedTab;
  await expect(feed.locator('body')).toContainText(title);
  await expect(feed.locator('body')).toContainText('Deployment Platform news');
  await shot(feed, 'news-atom-feed');
  await readerContext.close();
});
