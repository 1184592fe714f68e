/**
 * Catalog backend module that adds the PlatformProduct kind to the Backstage catalog.
 *
 * @packageDocumentation
 */
export { catalogModulePlatformProduct as default } from './module';
export { PlatformProductEntitiesProcessor } from './processor/PlatformProductEntitiesProcessor';
