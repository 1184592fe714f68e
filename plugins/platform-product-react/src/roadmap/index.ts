export type { PlatformProductRoadmapApi } from './RoadmapApi';
export { PlatformProductRoadmapClient } from './RoadmapClient';
export { useRoadmap, useRoadmapItemHistory } from './hooks';
