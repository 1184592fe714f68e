import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  canMoveRoadmapItem,
  isClosedRoadmapStatus,
  ROADMAP_TRANSITIONS,
  RoadmapHistoryAction,
  RoadmapStatus,
  updateRoadmapItemSchema,
} from '@platform-product/plugin-platform-product-common';
import { z } from 'zod';
import { StoredPost } from '../feedback/FeedbackStore';
import {
  HorizonSizes,
  LinkedPostsMove,
  RoadmapItemUpdate,
  StoredRoadmapItem,
} from './RoadmapStore';

/**
 * The rules of the roadmap's writes, decided on the item as it stands under the write's lock
 * (see RoadmapStore): what a change does, and which changes and links are refused.
 *
 * What happens to the linked posts:
 * - linking moves an open post (new, acknowledged) to planned; a planned, in-progress or done
 *   post keeps its status; a declined or duplicate post is refused;
 * - shipping moves every linked post that is not closed to done;
 * - dropping keeps the links (the history shows what was asked) and moves planned posts back
 *   to acknowledged; reopening a dropped item moves its open posts to planned again;
 * - unlinking or deleting the item moves planned posts back to acknowledged.
 */

type UpdateRequest = z.infer<typeof updateRoadmapItemSchema>;

const POST_MOVES: Partial<Record<RoadmapHistoryAction, LinkedPostsMove>> = {
  ship: { from: ['new', 'acknowledged', 'planned', 'in-progress'], to: 'done' },
  drop: { from: ['planned'], to: 'acknowledged' },
  reopen: { from: ['new', 'acknowledged'], to: 'planned' },
};

const quoted = (values: readonly string[]) =>
  values.map(value => `'${value}'`).join(', ');

/** The history action of a change from one status to another, moving or not. */
function actionOf(
  from: RoadmapStatus,
  to: RoadmapStatus,
  moves: boolean,
): RoadmapHistoryAction {
  if (to !== from && to === 'shipped') return 'ship';
  if (to !== from && to === 'dropped') return 'drop';
  if (isClosedRoadmapStatus(from) && !isClosedRoadmapStatus(to)) {
    return 'reopen';
  }
  return moves ? 'move' : 'update';
}

/** The action a PATCH asks for on the item as it was read: its audit event before the write. */
export function requestedAction(
  item: StoredRoadmapItem,
  change: UpdateRequest,
): RoadmapHistoryAction {
  return actionOf(
    item.status,
    change.status ?? item.status,
    change.position !== undefined ||
      (change.horizon !== undefined && change.horizon !== item.horizon),
  );
}

function checkStatus(item: StoredRoadmapItem, to: RoadmapStatus) {
  if (to === item.status && isClosedRoadmapStatus(to)) {
    throw new ConflictError(
      `Roadmap item '${item.id}' is already ${to}${
        to === 'shipped' ? ': an item ships once' : ''
      }`,
    );
  }
  if (!canMoveRoadmapItem(item.status, to)) {
    const next = ROADMAP_TRANSITIONS[item.status];
    throw new ConflictError(
      `Roadmap item '${item.id}' is ${
        item.status
      }: its status cannot go to '${to}'; ${
        next.length
          ? `from '${item.status}' it can go to ${quoted(next)}`
          : 'a shipped item is final (add a new item instead)'
      }`,
    );
  }
}

/** Refuses a move of a closed item, and a position outside its target horizon. */
function checkMove(
  item: StoredRoadmapItem,
  change: UpdateRequest,
  status: RoadmapStatus,
  sizes: HorizonSizes,
) {
  const horizon = change.horizon ?? item.horizon;
  const moves = change.position !== undefined || horizon !== item.horizon;
  if (moves && isClosedRoadmapStatus(status)) {
    throw new ConflictError(
      `Roadmap item '${item.id}' is ${status}: a closed item cannot be moved${
        status === 'dropped' ? '; reopen it with an open status first' : ''
      }`,
    );
  }
  if (change.position === undefined) return;
  // an open item already in the horizon takes one of its places; any other one adds a place
  const staysIn =
    !isClosedRoadmapStatus(item.status) && horizon === item.horizon;
  const last = staysIn ? sizes[horizon] - 1 : sizes[horizon];
  if (change.position > last) {
    throw new InputError(
      `position ${change.position} is out of range: '${horizon}' has ${sizes[horizon]} open item(s), so the position goes from 0 to ${last}`,
    );
  }
}

/** What a PATCH does to the item as it stands; throws (writing nothing) when it may not. */
export function planUpdate(
  item: StoredRoadmapItem,
  change: UpdateRequest,
  sizes: HorizonSizes,
): RoadmapItemUpdate {
  const status = change.status ?? item.status;
  if (change.status !== undefined) checkStatus(item, status);
  checkMove(item, change, status, sizes);
  const action = requestedAction(item, change);
  return {
    action,
    title: change.title,
    description: change.description,
    targetQuarter: change.targetQuarter,
    horizon: change.horizon,
    position: change.position,
    status: change.status,
    linkedPosts: POST_MOVES[action],
  };
}

/** Refuses a link the item or the post does not allow (the post is of the caller's checks). */
export function checkLink(item: StoredRoadmapItem, post: StoredPost) {
  if (isClosedRoadmapStatus(item.status)) {
    throw new ConflictError(
      `Roadmap item '${item.id}' is ${item.status}: posts are linked to open items only`,
    );
  }
  if (post.hidden) {
    throw new NotFoundError(`No feedback post '${post.id}'`);
  }
  if (post.productRef !== item.productRef) {
    throw new InputError(
      `Feedback post '${post.id}' is about '${post.productRef}', not '${item.productRef}': an item carries posts on its own product or its parts`,
    );
  }
  if (post.status === 'duplicate') {
    throw new ConflictError(
      `Feedback post '${post.id}' is a duplicate of '${post.duplicateOf}': link the post it duplicates`,
    );
  }
  if (post.status === 'declined') {
    throw new ConflictError(
      `Feedback post '${post.id}' was declined: reopen it (acknowledged) before linking it`,
    );
  }
}
