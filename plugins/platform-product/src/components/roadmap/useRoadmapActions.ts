import { useApi } from '@backstage/core-plugin-api';
import {
  RoadmapItem,
  UpdateRoadmapItemRequest,
} from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import { errorMessage } from '../shared/errorMessage';
import { countOf, HORIZON_LABELS } from './labels';

/** What the tab says after a change: success or the server's refusal, and maybe an offer. */
export type RoadmapNotice = {
  severity: 'success' | 'error';
  message: string;
  /** a shipped item: the tab offers to announce it */
  shipped?: RoadmapItem;
};

/** The closing changes that ask for confirmation first. */
export type ConfirmedChange = 'ship' | 'drop' | 'delete';

function moveMessage(item: RoadmapItem, change: UpdateRoadmapItemRequest) {
  if (change.horizon) {
    return `Moved “${item.title}” to ${HORIZON_LABELS[change.horizon]}.`;
  }
  return `Moved “${item.title}” ${
    (change.position ?? 0) < item.position ? 'up' : 'down'
  }.`;
}

function shippedMessage(item: RoadmapItem) {
  const { posts, people } = item.demand;
  if (!posts) return `Shipped “${item.title}”.`;
  return `Shipped “${item.title}”: ${countOf(
    posts,
    'request',
  )} marked done, and the ${countOf(
    people,
    'person',
    'people',
  )} behind them are being told.`;
}

/**
 * The product team's changes to a roadmap: each calls the API, then `onChanged`
 * (to reload the roadmap) and says what happened, or keeps the server's message.
 */
export function useRoadmapActions(onChanged: () => void) {
  const api = useApi(platformProductApiRef);
  const [notice, setNotice] = useState<RoadmapNotice>();
  const [busy, setBusy] = useState(false);

  /** Runs a change; resolves to whether it went through. */
  const run = async (
    change: () => Promise<RoadmapNotice>,
  ): Promise<boolean> => {
    setBusy(true);
    try {
      setNotice(await change());
      onChanged();
      return true;
    } catch (e) {
      setNotice({ severity: 'error', message: errorMessage(e) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const update = (
    item: RoadmapItem,
    change: UpdateRoadmapItemRequest,
    message: (updated: RoadmapItem) => RoadmapNotice,
  ) => run(async () => message(await api.updateRoadmapItem(item.id, change)));

  return {
    notice,
    setNotice,
    busy,
    move: (item: RoadmapItem, change: UpdateRoadmapItemRequest) =>
      update(item, change, () => ({
        severity: 'success',
        message: moveMessage(item, change),
      })),
    reopen: (item: RoadmapItem) =>
      update(item, { status: 'planned' }, updated => ({
        severity: 'success',
        message: `“${item.title}” is back on the roadmap, in ${
          HORIZON_LABELS[updated.horizon]
        }.`,
      })),
    unlink: (item: RoadmapItem, postId: string, postTitle: string) =>
      run(async () => {
        await api.unlinkRoadmapFeedback(item.id, postId);
        return {
          severity: 'success',
          message: `Unlinked “${postTitle}” from “${item.title}”.`,
        };
      }),
    confirm: (item: RoadmapItem, kind: ConfirmedChange) => {
      if (kind === 'ship') {
        return update(item, { status: 'shipped' }, shipped => ({
          severity: 'success',
          message: shippedMessage(shipped),
          shipped,
        }));
      }
      if (kind === 'drop') {
        return update(item, { status: 'dropped' }, () => ({
          severity: 'success',
          message: `Dropped “${item.title}”: it moved to the history.`,
        }));
      }
      return run(async () => {
        await api.deleteRoadmapItem(item.id);
        return { severity: 'success', message: `Deleted “${item.title}”.` };
      });
    },
  };
}
