import {
  CreateFeedbackRequest,
  FeedbackItem,
  FeedbackItemWithReplies,
  FeedbackList,
  FeedbackReply,
  FeedbackStats,
  FeedbackVote,
  UpdateFeedbackRequest,
} from '@platform-product/plugin-platform-product-common';
import {
  BackendRequests,
  PlatformProductClientOptions,
} from '../shared/BackendRequests';
import { ListFeedbackOptions, PlatformProductFeedbackApi } from './FeedbackApi';

/**
 * The feedback part of the Platform Product client.
 *
 * @public
 */
export class PlatformProductFeedbackClient
  implements PlatformProductFeedbackApi
{
  private readonly requests: BackendRequests;

  constructor(options: PlatformProductClientOptions) {
    this.requests = new BackendRequests(options);
  }

  async createFeedback(request: CreateFeedbackRequest): Promise<FeedbackItem> {
    return this.requests.json<FeedbackItem>('/feedback', {
      method: 'POST',
      body: request,
    });
  }

  async listFeedback(options: ListFeedbackOptions): Promise<FeedbackList> {
    const query = new URLSearchParams({ productRef: options.productRef });
    if (options.type) query.set('type', options.type);
    if (options.status) query.set('status', options.status);
    if (options.q?.trim()) query.set('q', options.q.trim());
    if (options.sort) query.set('sort', options.sort);
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    if (options.cursor) query.set('cursor', options.cursor);
    if (options.mine) query.set('mine', 'true');
    return this.requests.json<FeedbackList>(`/feedback?${query}`);
  }

  async getFeedback(id: string): Promise<FeedbackItemWithReplies> {
    return this.requests.json<FeedbackItemWithReplies>(
      `/feedback/${encodeURIComponent(id)}`,
    );
  }

  async updateFeedback(
    id: string,
    change: UpdateFeedbackRequest,
  ): Promise<FeedbackItem> {
    return this.requests.json<FeedbackItem>(
      `/feedback/${encodeURIComponent(id)}`,
      { method: 'PATCH', body: change },
    );
  }

  async replyToFeedback(id: string, body: string): Promise<FeedbackReply> {
    return this.requests.json<FeedbackReply>(
      `/feedback/${encodeURIComponent(id)}/replies`,
      { method: 'POST', body: { body } },
    );
  }

  async voteOnFeedback(id: string, vote: boolean): Promise<FeedbackVote> {
    return this.requests.json<FeedbackVote>(
      `/feedback/${encodeURIComponent(id)}/vote`,
      { method: vote ? 'PUT' : 'DELETE' },
    );
  }

  async getFeedbackStats(
    productRef: string,
    options?: { months?: 1 | 3 | 12 },
  ): Promise<FeedbackStats> {
    const query = new URLSearchParams({ productRef });
    if (options?.months !== undefined) {
      query.set('months', String(options.months));
    }
    return this.requests.json<FeedbackStats>(`/feedback/stats?${query}`);
  }

  async exportFeedback(productRef: string): Promise<Blob> {
    const query = new URLSearchParams({ productRef });
    const response = await this.requests.fetch(`/feedback/export?${query}`);
    return response.blob();
  }
}
