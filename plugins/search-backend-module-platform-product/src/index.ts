/**
 * Search backend module that indexes the published announcements of Platform Product.
 *
 * @packageDocumentation
 */
export { searchModulePlatformProduct as default } from './module';
export {
  PlatformAnnouncementCollatorFactory,
  type PlatformAnnouncementCollatorFactoryOptions,
  type PlatformAnnouncementDocument,
} from './collator/PlatformAnnouncementCollatorFactory';
