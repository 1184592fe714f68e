import { runSql, retryingDeadlocks, transaction } from '../../shared/sql';
import { Knex } from 'knex';
import { moveVoteDemand, PersonKey } from '../../roadmap/store/demand';

type Counted = { vote_count: number | string; roadmap_item_id: string | null };

/**
 * Votes: one row per user and post, the post's vote count, and, when a roadmap item carries
 * the post, the item's demand. PostgreSQL does it all in one statement (one round trip);
 * SQLite in a transaction.
 */
export class Votes {
  constructor(
    private readonly db: Knex,
    private readonly postgres: boolean,
    private readonly personKey: PersonKey,
  ) {}

  async add(postId: string, voterRef: string): Promise<number> {
    if (this.postgres) {
      return this.inOneStatement(
        postId,
        voterRef,
        1,
        `insert into feedback_votes (post_id, voter_ref, created_at) values (?, ?, ?)
         on conflict (post_id, voter_ref) do nothing returning post_id`,
        [postId, voterRef, Date.now()],
      );
    }
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
    if (this.postgres) {
      return this.inOneStatement(
        postId,
        voterRef,
        -1,
        `delete from feedback_votes where post_id = ? and voter_ref = ? returning post_id`,
        [postId, voterRef],
      );
    }
    return transaction(this.db, async tx => {
      const deleted = await tx('feedback_votes')
        .where({ post_id: postId, voter_ref: voterRef })
        .delete();
      return this.count(tx, postId, voterRef, deleted ? -1 : 0);
    });
  }

  /**
   * PostgreSQL: the vote (`change`, returning the post id when it added or took back a vote),
   * the post's count, and the demand of the item that carries the post, as the count's update
   * returns it under the post's row lock (so a link committed meanwhile is seen; see
   * roadmap/store/demand.ts); the post's count either way.
   */
  private async inOneStatement(
    postId: string,
    voterRef: string,
    sign: 1 | -1,
    change: string,
    changeBindings: Knex.Value[],
  ): Promise<number> {
    // the weight a person has just come in with (1) or left with (0)
    const boundary = sign > 0 ? 1 : 0;
    const sql = `with vote as (${change}),
      post as (
        update feedback_posts set vote_count = vote_count + ?
        where id = (select post_id from vote) returning vote_count, roadmap_item_id
      ),
      person as (
        insert into roadmap_item_people (item_id, person_hash, weight)
        select roadmap_item_id, ?, ? from post where roadmap_item_id is not null
        on conflict (item_id, person_hash)
        do update set weight = roadmap_item_people.weight + excluded.weight
        returning weight
      ),
      item as (
        update roadmap_items set vote_count = vote_count + ?,
          people_count = people_count + ? * (select count(*) from person where weight = ?)
        where id = (select roadmap_item_id from post)
      )
      select vote_count from post
      union all
      select vote_count from feedback_posts where id = ? and not exists (select 1 from vote)`;
    const bindings = [
      ...changeBindings,
      sign,
      this.personKey(voterRef),
      sign,
      sign,
      sign,
      boundary,
      postId,
    ];
    const [row] = await retryingDeadlocks(() =>
      runSql<Counted>(this.db, { sql, bindings }),
    );
    return Number(row?.vote_count ?? 0);
  }

  /**
   * SQLite: moves the post's vote count by the vote added (or removed) and returns it, with
   * the demand of the item that carries the post.
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
    const [row]: Counted[] = await tx('feedback_posts')
      .where('id', postId)
      .update({ vote_count: tx.raw('vote_count + ?', [delta]) })
      .returning(['vote_count', 'roadmap_item_id']);
    if (row?.roadmap_item_id) {
      await moveVoteDemand(
        tx,
        row.roadmap_item_id,
        this.personKey(voterRef),
        delta,
      );
    }
    return Number(row?.vote_count ?? 0);
  }
}
