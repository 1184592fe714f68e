import { createRouteRef } from '@backstage/core-plugin-api';

/** The Platform news page (`/platform-news` in the demo app). */
export const rootRouteRef = createRouteRef({ id: 'platform-product-news' });

/** The portfolio page: every product's level and score (`/platform-products` in the demo app). */
export const portfolioRouteRef = createRouteRef({
  id: 'platform-product-portfolio',
});
