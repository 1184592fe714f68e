import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';

/** Where the news page is when the app does not mount it through the plugin's route. */
export const PLATFORM_NEWS_PATH = '/platform-news';

/**
 * Links to the news page and to one post on it (`/platform-news/<id>`, as
 * notifications and search results link).
 */
export function useAnnouncementLink(): (id?: string) => string {
  let base = PLATFORM_NEWS_PATH;
  try {
    // throws when the app has not mounted the page, after its own hooks ran: the
    // hook order stays the same on every render
    // eslint-disable-next-line react-hooks/rules-of-hooks
    base = useRouteRef(rootRouteRef)();
  } catch {
    // keep the default path
  }
  return id => (id ? `${base}/${encodeURIComponent(id)}` : base);
}
