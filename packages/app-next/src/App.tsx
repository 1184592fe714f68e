import { createApp } from '@backstage/frontend-defaults';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import apiDocsPlugin from '@backstage/plugin-api-docs/alpha';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import platformProductPlugin from '@platform-product/plugin-platform-product/alpha';

/**
 * The legacy demo's sign-in page (pick a demo user; the backend's demo sign-in
 * reads the pick from the `demo-user` cookie), the same component in both apps.
 */
const demoSignInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: () =>
          // the legacy demo app's own component (packages/app exports nothing: it is an app)
          // eslint-disable-next-line @backstage/no-forbidden-package-imports
          import('app/src/components/signIn/DemoSignInPage').then(
            m => m.DemoSignInPage,
          ),
      },
    }),
  ],
});

/**
 * The demo app on Backstage's new frontend system: the same backend and catalog
 * as packages/app, with the suite mounted through its `./alpha` export.
 */
const app = createApp({
  // the suite's cards right after the catalog's own, before the graph's
  features: [
    catalogPlugin,
    platformProductPlugin,
    catalogGraphPlugin,
    orgPlugin,
    apiDocsPlugin,
    searchPlugin,
    notificationsPlugin,
    signalsPlugin,
    userSettingsPlugin,
    demoSignInModule,
  ],
});

export default app.createRoot();
