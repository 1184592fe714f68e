/**
 * Backend plugin of Platform Product.
 *
 * @packageDocumentation
 */
export { platformProductPlugin as default } from './plugin';
export {
  platformProductConditions,
  createPlatformProductConditionalDecision,
  platformProductResourceRef,
  platformProductRules,
} from './permissions/rules';
export type { PlatformProductQuery } from './permissions/rules';
