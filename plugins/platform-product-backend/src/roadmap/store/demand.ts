import { Knex } from 'knex';
import { chunks } from '../../shared/chunks';

/**
 * The demand behind a roadmap item, kept on write (see the migration 20261130000000_roadmap.js):
 * a weight per person (the posts they wrote plus the votes they gave among the item's linked
 * posts) and the item's counters. Reading a roadmap never counts votes.
 *
 * Each weight moves in one upsert that returns it, under the row's lock, so concurrent
 * writers count each person exactly once: a person comes in when their weight reaches what
 * was just added to it (it was 0), and leaves when it falls to 0. Rows at 0 stay and count
 * for nothing.
 *
 * A vote and a link of the same post are serialized by the post's row: the vote's insert
 * holds its key-share lock and its count update its row lock, and the link reads the voters
 * only once it holds the post's row lock. So a vote is counted either by the link (it was
 * committed before) or by the vote itself (it saw the link), never both.
 */

/** The key of a person: the feedback author hash of their user ref (AuthorIdentity.hash). */
export type PersonKey = (userRef: string) => string;

type PersonWeight = { person_hash: string; weight: number | string };

function weightsQuery(
  db: Knex,
  itemId: string,
  deltas: Array<[person: string, delta: number]>,
) {
  return db('roadmap_item_people')
    .insert(
      deltas.map(([person, delta]) => ({
        item_id: itemId,
        person_hash: person,
        weight: delta,
      })),
    )
    .onConflict(['item_id', 'person_hash'])
    .merge({ weight: db.raw('roadmap_item_people.weight + excluded.weight') });
}

/** How many people these weights bring in (+) or take out (-), from the weights after them. */
function peopleMoved(after: PersonWeight[], deltas: Map<string, number>) {
  return after.reduce((moved, row) => {
    const weight = Number(row.weight);
    const delta = deltas.get(row.person_hash) ?? 0;
    if (delta > 0 && weight === delta) return moved + 1;
    if (delta < 0 && weight === 0) return moved - 1;
    return moved;
  }, 0);
}

/**
 * Adds (1) or takes away (-1) a post's author and voters to or from an item's demand, with
 * the item's counters. Call it holding the post's row lock.
 */
export async function movePostDemand(
  tx: Knex.Transaction,
  itemId: string,
  post: { id: string; authorHash: string },
  personKey: PersonKey,
  sign: 1 | -1,
) {
  const voters: string[] = await tx('feedback_votes')
    .where('post_id', post.id)
    .pluck('voter_ref');
  const deltas = new Map<string, number>();
  for (const person of [post.authorHash, ...voters.map(personKey)]) {
    deltas.set(person, (deltas.get(person) ?? 0) + sign);
  }
  let people = 0;
  // in one order of people, so that two links to one item never wait on each other in a cycle
  const ordered = [...deltas].sort(([a], [b]) => a.localeCompare(b, 'en'));
  for (const part of chunks(ordered, 500)) {
    const after: PersonWeight[] = await weightsQuery(
      tx,
      itemId,
      part,
    ).returning(['person_hash', 'weight']);
    people += peopleMoved(after, deltas);
  }
  await tx('roadmap_items')
    .where('id', itemId)
    .update({
      post_count: tx.raw('post_count + ?', [sign]),
      vote_count: tx.raw('vote_count + ?', [sign * voters.length]),
      people_count: tx.raw('people_count + ?', [people]),
    });
}
