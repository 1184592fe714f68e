import {
  Roadmap,
  RoadmapItem,
} from '@platform-product/plugin-platform-product-common';
import { productRef } from './feedbackFixtures';

export function roadmapItem(overrides: Partial<RoadmapItem> = {}): RoadmapItem {
  return {
    id: 'r1',
    productRef,
    title: 'Canary deploys',
    description: 'Roll out to **5%** of traffic first.',
    horizon: 'now',
    position: 0,
    status: 'in-progress',
    targetQuarter: '2027-Q1',
    demand: { posts: 2, people: 5, votes: 7 },
    linkedPosts: [
      {
        id: 'p1',
        entityRef: productRef,
        type: 'idea',
        title: 'Roll back with one command',
        status: 'planned',
        voteCount: 6,
      },
      {
        id: 'p2',
        entityRef: 'component:default/deploy-cli',
        type: 'problem',
        title: 'Rollouts are all or nothing',
        status: 'planned',
        voteCount: 1,
      },
    ],
    createdBy: 'user:default/jane.doe',
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    closedAt: null,
    ...overrides,
  };
}

const noDemand = { posts: 0, people: 0, votes: 0 };

/** Two items in Now, one in Next, one in Later; one shipped and one dropped. */
export function roadmap(overrides: Partial<Roadmap> = {}): Roadmap {
  return {
    productRef,
    items: [
      roadmapItem(),
      roadmapItem({
        id: 'r2',
        title: 'Deploy previews',
        description: '',
        position: 1,
        status: 'planned',
        targetQuarter: null,
        demand: noDemand,
        linkedPosts: [],
      }),
      roadmapItem({
        id: 'r3',
        title: 'Blue-green deploys',
        horizon: 'next',
        status: 'planned',
        targetQuarter: '2027-Q2',
        demand: { posts: 1, people: 1, votes: 0 },
        linkedPosts: [],
      }),
      roadmapItem({
        id: 'r4',
        title: 'Multi-region',
        horizon: 'later',
        status: 'exploring',
        targetQuarter: null,
        demand: noDemand,
        linkedPosts: [],
      }),
    ],
    history: [
      roadmapItem({
        id: 'r5',
        title: 'Audit trail',
        status: 'shipped',
        closedAt: '2026-10-15T10:00:00.000Z',
      }),
      roadmapItem({
        id: 'r6',
        title: 'FTP uploads',
        status: 'dropped',
        demand: noDemand,
        linkedPosts: [],
        closedAt: '2026-09-01T10:00:00.000Z',
      }),
    ],
    lastUpdatedAt: '2026-11-02T10:00:00.000Z',
    ...overrides,
  };
}
