/*
 * The demo backend: a plain Backstage backend with the Platform Product suite added.
 * A company adds the `@platform-product/*` lines below to its own backend.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: the demo signs you in as a demo catalog user you pick (Jane Doe, a product manager,
// by default); src/demoSignIn.ts. A company keeps its own sign-in here.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('./demoSignIn'));

// catalog, taught the PlatformProduct kind
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@platform-product/plugin-catalog-backend-module-platform-product'),
);

// catalog processing errors (e.g. a bad product spec, naming the field) go to the backend log
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Platform Product
backend.add(import('@platform-product/plugin-platform-product-backend'));
// a custom scorecard check, "On-call rota", added through the plugin's extension point
// (src/onCallCheckModule.ts)
backend.add(import('./onCallCheckModule'));
// its actions (get-platform-product, submit-product-feedback, ...) served to AI agents over MCP at
// /api/mcp-actions/v1, for the plugins named in backend.actions.pluginSources (app-config.yaml)
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// permissions: everyone creates and reads feedback, a product's PM and owning team respond and
// post its announcements, the admins group moderates and posts global ones (src/permissionPolicy.ts)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicy'));

// search
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// published Platform Product announcements, as 'platform-announcement' documents
backend.add(
  import('@platform-product/plugin-search-backend-module-platform-product'),
);

// events, notifications and signals
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));

backend.start();
