export { platformProductApiRef } from './PlatformProductApi';
export type { PlatformProductApi } from './PlatformProductApi';
export { PlatformProductClient } from './PlatformProductClient';
