import {
  CreateRoadmapItemRequest,
  Roadmap,
  RoadmapHistoryEntry,
  RoadmapItem,
  RoadmapLinkResult,
  UpdateRoadmapItemRequest,
} from '@platform-product/plugin-platform-product-common';
import {
  BackendRequests,
  PlatformProductClientOptions,
} from '../shared/BackendRequests';
import { PlatformProductRoadmapApi } from './RoadmapApi';

const itemPath = (id: string) => `/roadmap/items/${encodeURIComponent(id)}`;
const linkPath = (id: string, feedbackId: string) =>
  `${itemPath(id)}/links/${encodeURIComponent(feedbackId)}`;

/**
 * The roadmap part of the Platform Product client.
 *
 * @public
 */
export class PlatformProductRoadmapClient implements PlatformProductRoadmapApi {
  private readonly requests: BackendRequests;

  constructor(options: PlatformProductClientOptions) {
    this.requests = new BackendRequests(options);
  }

  async getRoadmap(productRef: string): Promise<Roadmap> {
    const query = new URLSearchParams({ productRef });
    return this.requests.json<Roadmap>(`/roadmap?${query}`);
  }

  async createRoadmapItem(
    request: CreateRoadmapItemRequest,
  ): Promise<RoadmapItem> {
    return this.requests.json<RoadmapItem>('/roadmap/items', {
      method: 'POST',
      body: request,
    });
  }

  async updateRoadmapItem(
    id: string,
    change: UpdateRoadmapItemRequest,
  ): Promise<RoadmapItem> {
    return this.requests.json<RoadmapItem>(itemPath(id), {
      method: 'PATCH',
      body: change,
    });
  }

  async deleteRoadmapItem(id: string): Promise<void> {
    await this.requests.fetch(itemPath(id), { method: 'DELETE' });
  }

  async linkRoadmapFeedback(
    id: string,
    feedbackId: string,
  ): Promise<RoadmapLinkResult> {
    return this.requests.json<RoadmapLinkResult>(linkPath(id, feedbackId), {
      method: 'PUT',
    });
  }

  async unlinkRoadmapFeedback(
    id: string,
    feedbackId: string,
  ): Promise<RoadmapLinkResult> {
    return this.requests.json<RoadmapLinkResult>(linkPath(id, feedbackId), {
      method: 'DELETE',
    });
  }

  async getRoadmapItemHistory(id: string): Promise<RoadmapHistoryEntry[]> {
    const { entries } = await this.requests.json<{
      entries: RoadmapHistoryEntry[];
    }>(`${itemPath(id)}/history`);
    return entries;
  }
}
