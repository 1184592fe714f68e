import {
  FeedbackItem,
  FeedbackItemWithReplies,
  FeedbackStats,
} from '@platform-product/plugin-platform-product-common';

export const productRef = 'platformproduct:default/deployment-platform';

export function post(overrides: Partial<FeedbackItem> = {}): FeedbackItem {
  return {
    id: 'p1',
    productRef,
    entityRef: productRef,
    type: 'idea',
    score: null,
    title: 'Roll back with one command',
    body: 'Like `deploy rollback`.',
    status: 'new',
    duplicateOf: null,
    anonymous: false,
    author: 'user:default/john.smith',
    mine: false,
    voteCount: 3,
    votedByMe: false,
    replyCount: 1,
    hasOfficialReply: false,
    hidden: false,
    roadmapItem: null,
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export function postWithReplies(
  overrides: Partial<FeedbackItemWithReplies> = {},
): FeedbackItemWithReplies {
  return {
    ...post(),
    replies: [
      {
        id: 'r1',
        postId: 'p1',
        author: 'user:default/jane.doe',
        byPostAuthor: false,
        official: true,
        mine: false,
        body: 'We are **on it**.',
        createdAt: '2025-03-02T10:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

export const stats: FeedbackStats = {
  productRef,
  months: 3,
  nps: 25,
  responses: 8,
  promoters: 4,
  passives: 2,
  detractors: 2,
  trend: [
    { month: '2025-01', nps: null, responses: 0 },
    { month: '2025-02', nps: -50, responses: 2 },
    { month: '2025-03', nps: 50, responses: 6 },
  ],
  medianFirstResponseHours: 5.5,
  untriagedOver14Days: 2,
  replyRate: 0.75,
};
