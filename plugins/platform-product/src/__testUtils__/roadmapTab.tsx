import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import {
  PlatformProductApi,
  platformProductApiRef,
} from '@platform-product/plugin-platform-product-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityProductRoadmapContent } from '../components/roadmap/EntityProductRoadmapContent';
import { post } from './feedbackFixtures';
import { deploymentPlatform } from './fixtures';
import { answerPermissions } from './permission';
import { renderWithApis } from './render';
import { roadmap, roadmapItem } from './roadmapFixtures';

/**
 * The Roadmap tab of the Deployment Platform on a fake API (`overrides` replace its
 * calls), for a reader or, with `canManage`, the product team; `route` as `/?item=r3`.
 * The test file mocks usePermission first (see `answerPermissions`).
 */
export function setupRoadmapTab(
  overrides: Partial<PlatformProductApi> = {},
  options: { canManage?: boolean; route?: string } = {},
) {
  const api = {
    getRoadmap: jest.fn(async () => roadmap()),
    createRoadmapItem: jest.fn(async () => roadmapItem({ id: 'r9' })),
    updateRoadmapItem: jest.fn(async () => roadmapItem()),
    deleteRoadmapItem: jest.fn(async () => undefined),
    linkRoadmapFeedback: jest.fn(async () => ({
      item: roadmapItem(),
      postStatus: 'planned' as const,
    })),
    unlinkRoadmapFeedback: jest.fn(async () => ({
      item: roadmapItem(),
      postStatus: 'planned' as const,
    })),
    getRoadmapItemHistory: jest.fn(async () => []),
    listFeedback: jest.fn(async () => ({
      items: [post({ id: 'p9', title: 'Canary releases please' })],
      totalCount: 1,
      nextCursor: null,
    })),
    createAnnouncement: jest.fn(async request => ({
      id: 'a1',
      state: 'published',
      ...request,
    })),
    ...overrides,
  } as Partial<PlatformProductApi> & Record<string, jest.Mock>;
  const authorize = answerPermissions(!!options.canManage);
  const render = () =>
    renderWithApis(<EntityProductRoadmapContent />, {
      apis: [
        [platformProductApiRef, api],
        [
          identityApiRef,
          mockApis.identity({ userEntityRef: 'user:default/jane.doe' }),
        ],
      ],
      entity: deploymentPlatform,
      routeEntries: [options.route ?? '/'],
    });
  return { api, authorize, render };
}

export const column = (horizon: string) =>
  screen.getByTestId(`roadmap-column-${horizon}`);
export const titlesIn = (element: HTMLElement) =>
  within(element)
    .getAllByRole('heading', { level: 3 })
    .map(h => h.textContent);

/** Opens an item's action menu and picks an entry. */
export async function choose(itemTitle: string, entry: string) {
  await userEvent.click(
    await screen.findByRole('button', { name: `Actions for ${itemTitle}` }),
  );
  await userEvent.click(await screen.findByRole('menuitem', { name: entry }));
}
