import { RoadmapItem } from '@platform-product/plugin-platform-product-common';
import { ReactNode } from 'react';
import { countOf } from './labels';
import { ConfirmedChange } from './useRoadmapActions';

/** What the confirmation of shipping, dropping or deleting an item says will happen. */
export function confirmationOf(
  item: RoadmapItem,
  kind: ConfirmedChange,
): { title: string; text: ReactNode; label: string } {
  const { posts, people } = item.demand;
  const requests = countOf(posts, 'linked request');
  if (kind === 'ship') {
    const moving =
      posts === 1 ? 'Its linked request moves' : `Its ${requests} move`;
    return {
      title: `Mark “${item.title}” shipped?`,
      text: posts
        ? `${moving} to done, and the ${countOf(
            people,
            'person',
            'people',
          )} who asked or voted each get one “you asked, we shipped” notification. Shipped is final.`
        : 'It moves to the history. Shipped is final.',
      label: 'Mark shipped',
    };
  }
  if (kind === 'drop') {
    return {
      title: `Drop “${item.title}”?`,
      text: 'It moves to the history; the team can take it up again later.',
      label: 'Drop',
    };
  }
  return {
    title: `Delete “${item.title}”?`,
    text: posts
      ? `It disappears from the roadmap with its history, and its ${requests} are no longer carried by it. To keep a record, drop it instead.`
      : 'It disappears from the roadmap with its history. To keep a record, drop it instead.',
    label: 'Delete',
  };
}
