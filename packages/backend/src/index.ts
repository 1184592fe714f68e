/*
 * The demo backend: a plain Backstage backend with the Platform Product suite added.
 * A company adds the two `@platform-product/*` lines below to its own backend.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: the demo signs everyone in as the guest user, mapped to a product manager (app-config.yaml)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, taught the PlatformProduct kind
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@platform-product/plugin-catalog-backend-module-platform-product'),
);

// catalog processing errors (e.g. a bad product spec, naming the field) go to the backend log
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Platform Product
backend.add(import('@platform-product/plugin-platform-product-backend'));

// permissions: everyone creates and reads feedback, a product's PM and owning team respond and
// post its announcements, the admins group moderates and posts global ones (src/permissionPolicy.ts)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicy'));

// search
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// events, notifications and signals
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));

backend.start();
