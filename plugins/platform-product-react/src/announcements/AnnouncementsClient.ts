import {
  Announcement,
  AnnouncementList,
  AnnouncementReach,
  CreateAnnouncementRequest,
  ProductFollow,
  UpdateAnnouncementRequest,
} from '@platform-product/plugin-platform-product-common';
import {
  BackendRequests,
  PlatformProductClientOptions,
} from '../shared/BackendRequests';
import {
  ListAnnouncementsOptions,
  PlatformProductAnnouncementsApi,
} from './AnnouncementsApi';

const postPath = (id: string) => `/announcements/${encodeURIComponent(id)}`;

/** A path scoped to one product when a ref is given, else unscoped (global or all). */
const maybeForProduct = (path: string, productRef?: string) =>
  productRef
    ? `${path}?${new URLSearchParams({ productRef }).toString()}`
    : path;

/**
 * The announcements part of the Platform Product client.
 *
 * @public
 */
export class PlatformProductAnnouncementsClient
  implements PlatformProductAnnouncementsApi
{
  private readonly requests: BackendRequests;

  constructor(options: PlatformProductClientOptions) {
    this.requests = new BackendRequests(options);
  }

  async createAnnouncement(
    request: CreateAnnouncementRequest,
  ): Promise<Announcement> {
    return this.requests.json<Announcement>('/announcements', {
      method: 'POST',
      body: request,
    });
  }

  async listAnnouncements(
    options: ListAnnouncementsOptions = {},
  ): Promise<AnnouncementList> {
    const query = new URLSearchParams();
    if (options.productRef) query.set('productRef', options.productRef);
    if (options.entityRef) query.set('entityRef', options.entityRef);
    if (options.type) query.set('type', options.type);
    if (options.tag) query.set('tag', options.tag);
    if (options.q?.trim()) query.set('q', options.q.trim());
    if (options.upcoming) query.set('upcoming', 'true');
    if (options.unread) query.set('unread', 'true');
    if (options.drafts) query.set('drafts', 'true');
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    if (options.cursor) query.set('cursor', options.cursor);
    const search = query.toString();
    return this.requests.json<AnnouncementList>(
      search ? `/announcements?${search}` : '/announcements',
    );
  }

  async getAnnouncement(id: string): Promise<Announcement> {
    return this.requests.json<Announcement>(postPath(id));
  }

  async updateAnnouncement(
    id: string,
    change: UpdateAnnouncementRequest,
  ): Promise<Announcement> {
    return this.requests.json<Announcement>(postPath(id), {
      method: 'PATCH',
      body: change,
    });
  }

  async deleteAnnouncement(id: string): Promise<void> {
    await this.requests.fetch(postPath(id), { method: 'DELETE' });
  }

  async markAnnouncementRead(id: string): Promise<void> {
    await this.requests.fetch(`${postPath(id)}/read`, { method: 'PUT' });
  }

  async acknowledgeAnnouncement(id: string): Promise<void> {
    await this.requests.fetch(`${postPath(id)}/acknowledgement`, {
      method: 'PUT',
    });
  }

  async getAnnouncementReach(id: string): Promise<AnnouncementReach> {
    return this.requests.json<AnnouncementReach>(`${postPath(id)}/reach`);
  }

  async getProductFollow(productRef: string): Promise<ProductFollow> {
    const query = new URLSearchParams({ productRef });
    return this.requests.json<ProductFollow>(`/follows?${query}`);
  }

  async followProduct(
    productRef: string,
    follow: boolean,
  ): Promise<ProductFollow> {
    const query = new URLSearchParams({ productRef });
    return this.requests.json<ProductFollow>(`/follows?${query}`, {
      method: follow ? 'PUT' : 'DELETE',
    });
  }

  async getAnnouncementBanners(productRef?: string): Promise<Announcement[]> {
    return this.requests.json<Announcement[]>(
      maybeForProduct('/announcements/banners', productRef),
    );
  }

  async dismissAnnouncement(id: string): Promise<void> {
    await this.requests.fetch(`${postPath(id)}/dismissal`, { method: 'PUT' });
  }

  async getAnnouncementEventCalendar(id: string): Promise<Blob> {
    const response = await this.requests.fetch(`${postPath(id)}/event.ics`);
    return response.blob();
  }

  async getAnnouncementFeedUrl(productRef?: string): Promise<string> {
    await this.requests.issueUserCookie();
    return this.requests.url(
      maybeForProduct('/announcements/feed', productRef),
    );
  }
}
