import { createRouteRef } from '@backstage/core-plugin-api';

/** The Platform news page (`/platform-news` in the demo app). */
export const rootRouteRef = createRouteRef({ id: 'platform-product-news' });
