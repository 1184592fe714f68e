import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers';

// Each test signs in as Jane Doe, the PM of the Deployment Platform.
test.beforeEach(({ page }) => signIn(page));

test.describe('Platform products in the demo Backstage', () => {
  test('the catalog lists the products', async ({ page }) => {
    await page.goto('/catalog?filters[kind]=platformproduct');
    const table = page.getByRole('table');
    for (const title of [
      'Deployment Platform',
      'Observability Platform',
      'Data Platform',
      'Preview Environments',
      'Legacy CI',
      'Secrets Platform',
    ]) {
      await expect(table.getByText(title, { exact: true })).toBeVisible();
    }
    await shot(page, 'catalog-products');
  });

  test('a product page shows its PM, vision, support, parts and adopting teams', async ({
    page,
  }) => {
    await page.goto('/catalog/default/platformproduct/deployment-platform');
    const main = page.locator('main');
    await expect(main.getByText('Jane Doe').first()).toBeVisible();
    await expect(main.getByText(/one command/i).first()).toBeVisible();
    await expect(main.getByText('#deploy-help')).toBeVisible();
    await expect(
      main.getByRole('link', { name: /deploy-cli/i }).first(),
    ).toBeVisible();
    await expect(
      main.getByRole('link', { name: /payments/i }).first(),
    ).toBeVisible();
    await expect(main.getByText(/adopting teams?/i).first()).toBeVisible();
    await shot(page, 'product-page');
    await main
      .getByText(/adopting teams?/i)
      .first()
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'screenshots/product-adoption.png' });
  });

  test('a product without a PM shows the gap plainly', async ({ page }) => {
    await page.goto('/catalog/default/platformproduct/preview-environments');
    await expect(page.getByText(/no product manager/i).first()).toBeVisible();
    await expect(page.getByText('spec.productManager').first()).toBeVisible();
    await shot(page, 'product-without-pm');
  });

  test('a user page shows "Products I manage"', async ({ page }) => {
    await page.goto('/catalog/default/user/jane.doe');
    const card = page
      .locator('article, .MuiCard-root')
      .filter({ hasText: 'Products I manage' })
      .last();
    await expect(card).toBeVisible();
    await expect(
      card.getByRole('link', { name: 'Deployment Platform' }),
    ).toBeVisible();
    await expect(
      card.getByRole('link', { name: 'Observability Platform' }),
    ).toBeVisible();
    await shot(page, 'user-products-i-manage');
  });

  test("a part's page links to its product", async ({ page }) => {
    await page.goto('/catalog/default/component/deploy-cli');
    await expect(page.getByText(/part of product/i).first()).toBeVisible();
    await shot(page, 'part-of-product');
    await page
      .getByRole('link', { name: /deployment platform/i })
      .first()
      .click();
    await expect(page).toHaveURL(/platformproduct\/deployment-platform/);
    await expect(page.getByText('Jane Doe').first()).toBeVisible();
  });
});
