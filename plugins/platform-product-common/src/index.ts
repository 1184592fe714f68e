/**
 * Isomorphic code of Platform Product: the PlatformProduct kind, its relations,
 * permissions and the request/response schemas shared by the backend and the client.
 *
 * @packageDocumentation
 */
export * from './kind/types';
export * from './kind/validator';
export * from './relations';
export * from './permissions';
export * from './refs';
export * from './adoption/types';
export * from './feedback/types';
export * from './feedback/nps';
export * from './announcements/types';
export * from './announcements/search';
export * from './shared/schemas';
export * from './roadmap/types';
export * from './roadmap/release';
export * from './scorecards/types';
export * from './scorecards/trend';
