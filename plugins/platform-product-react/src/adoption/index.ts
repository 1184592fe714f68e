export type { PlatformProductAdoptionApi } from './AdoptionApi';
export { PlatformProductAdoptionClient } from './AdoptionClient';
export { useProductAdoption } from './useProductAdoption';
