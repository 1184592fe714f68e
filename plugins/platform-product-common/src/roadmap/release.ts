import type { CreateAnnouncementRequest } from '../announcements/types';
import {
  ANNOUNCEMENT_SUMMARY_MAX,
  ANNOUNCEMENT_TITLE_MAX,
} from '../announcements/types';
import type { RoadmapItem } from './types';

function clip(value: string, max: number) {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function plural(count: number, one: string, many = `${one}s`) {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/**
 * "You asked, we shipped": the release announcement offered to the PM when an item ships,
 * prefilled from the item and the requests linked to it. The PM edits it before publishing.
 */
export function releaseAnnouncementDraft(
  item: RoadmapItem,
): CreateAnnouncementRequest {
  const { posts, people } = item.demand;
  const asked = posts
    ? ` It answers ${plural(posts, 'request')} from ${plural(
        people,
        'person',
        'people',
      )}.`
    : '';
  const requests = item.linkedPosts.map(
    post => `- ${post.title} (${plural(post.voteCount, 'vote')})`,
  );
  const body = [
    item.description || `${item.title} is now available.`,
    ...(requests.length
      ? ['', '## You asked, we shipped', '', ...requests]
      : []),
  ].join('\n');
  return {
    productRef: item.productRef,
    type: 'release',
    title: clip(`Shipped: ${item.title}`, ANNOUNCEMENT_TITLE_MAX),
    summary: clip(
      `${item.title} has shipped.${asked}`,
      ANNOUNCEMENT_SUMMARY_MAX,
    ),
    body,
    tags: ['roadmap'],
    draft: false,
  };
}
