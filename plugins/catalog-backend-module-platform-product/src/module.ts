import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { PlatformProductEntitiesProcessor } from './processor/PlatformProductEntitiesProcessor';

/**
 * Adds the PlatformProduct kind to the catalog.
 *
 * @public
 */
export const catalogModulePlatformProduct = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-product',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new PlatformProductEntitiesProcessor());
      },
    });
  },
});
