import { transaction } from '../../shared/sql';
import { Knex } from 'knex';
import { moveVoteDemand, PersonKey } from '../../roadmap/store/demand';

/**
 * Votes: one row per user and post, the post's vote count, and, when a roadmap item carries
 * the post, the item's demand (one more statement, only then).
 */
export class Votes {
  constructor(
    private readonly db: Knex,
    private readonly postgres: boolean,
    private readonly personKey: PersonKey,
  ) {}

  async add(postId: string, voterRef: string): Promise<number> {
    return transaction(this.db, async tx => {
      const inserted = await tx('feedback_votes')
        .insert({
          post_id: postId,
          voter_ref: voterRef,
          created_at: Date.now(),
        })
        .onConflict(['post_id', 'voter_ref'])
        .ignore()
        .returning('post_id');
      return this.count(tx, postId, voterRef, inserted.length ? 1 : 0);
    });
  }

  async remove(postId: string, voterRef: string): Promise<number> {
    return transaction(this.db, async tx => {
      const deleted = await tx('feedback_votes')
        .where({ post_id: postId, voter_ref: voterRef })
        .delete();
      return this.count(tx, postId, voterRef, deleted ? -1 : 0);
    });
  }

  /**
   * Moves the post's vote count by the vote added (or removed) and returns it. The update
   * returns the item that carries the post as it is under the post's row lock, so a link
   * committed meanwhile is seen (see roadmap/store/demand.ts).
   */
  private async count(
    tx: Knex.Transaction,
    postId: string,
    voterRef: string,
    delta: 1 | -1 | 0,
  ): Promise<number> {
    if (!delta) {
      const row = await tx('feedback_posts')
        .where('id', postId)
        .first('vote_count');
      return Number(row?.vote_count ?? 0);
    }
    const [row] = await tx('feedback_posts')
      .where('id', postId)
      .update({ vote_count: tx.raw('vote_count + ?', [delta]) })
      .returning(['vote_count', 'roadmap_item_id']);
    if (row?.roadmap_item_id) {
      await moveVoteDemand(
        tx,
        this.postgres,
        row.roadmap_item_id,
        this.personKey(voterRef),
        delta,
      );
    }
    return Number(row?.vote_count ?? 0);
  }
}
