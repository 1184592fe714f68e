/**
 * API client and React hooks of Platform Product, reusable by other plugins.
 *
 * @packageDocumentation
 */
export * from './adoption';
export type {
  AdoptingTeam,
  AdoptionConsumer,
  AdoptionTrendPoint,
  ProductAdoption,
} from '@platform-product/plugin-platform-product-common';
