import { Knex } from 'knex';
import { PersonKey } from '../../roadmap/store/demand';
import { Sql, sqliteTransaction } from '../../shared/sql';
import { VoteOn } from '../FeedbackStore';
import { inOneStatement } from './counters';

type Counted = { vote_count: number | string; roadmap_item_id: string | null };

/** The post a vote lands on: the one of the id, and unless hidden ones may be voted on, visible. */
function votedPost(on: VoteOn) {
  return `select id from feedback_posts where id = ?${
    on.includeHidden ? '' : ' and not hidden'
  }`;
}

/**
 * The vote added or taken back on the post (see votedPost), returning its post id when it was
 * (none when it already was, or there is no such post).
 */
function voteChange(
  postId: string,
  voterRef: string,
  sign: 1 | -1,
  on: VoteOn,
): Sql {
  return sign > 0
    ? {
        sql: `insert into feedback_votes (post_id, voter_ref, created_at)
              select id, ?, ? from (${votedPost(on)}) post where true
              on conflict (post_id, voter_ref) do nothing returning post_id`,
        bindings: [voterRef, Date.now(), postId],
      }
    : {
        sql: `delete from feedback_votes where post_id = (${votedPost(
          on,
        )}) and voter_ref = ? returning post_id`,
        bindings: [postId, voterRef],
      };
}

/** The post's vote count as it is, when the vote changed nothing; no row without such a post. */
function currentCount(postId: string, on: VoteOn): Sql {
  return {
    sql: `select vote_count from feedback_posts where id = (${votedPost(on)})`,
    bindings: [postId],
  };
}

/**
 * The voter's weight in an item's demand, moved by `select` (item id, person, delta; with a
 * WHERE, which SQLite needs to parse the upsert).
 */
const personWeight = (select: string) =>
  `insert into roadmap_item_people (item_id, person_hash, weight) ${select}
   on conflict (item_id, person_hash)
   do update set weight = roadmap_item_people.weight + excluded.weight
   returning weight`;

/**
 * Votes: one row per user and post, the post's vote count, and, when a roadmap item carries
 * the post, the item's demand (see roadmap/store/demand.ts): a person comes in when their
 * weight reaches 1 and leaves when it falls to 0. The count's update returns the item that
 * carries the post as it is under the post's row lock, so a link committed meanwhile is seen.
 * PostgreSQL does it all in one statement, SQLite in one transaction: one round trip each.
 */
export class Votes {
  constructor(
    private readonly db: Knex,
    private readonly postgres: boolean,
    private readonly personKey: PersonKey,
  ) {}

  /**
   * Adds (1) or takes back (-1) the voter's vote (idempotent); the post's vote count, undefined
   * when there is no such post to vote on (see votedPost).
   */
  async move(
    postId: string,
    voterRef: string,
    sign: 1 | -1,
    on: VoteOn,
  ): Promise<number | undefined> {
    const change = voteChange(postId, voterRef, sign, on);
    const current = currentCount(postId, on);
    const person = this.personKey(voterRef);
    // the weight a person has just come in with (1) or left with (0)
    const boundary = sign > 0 ? 1 : 0;
    const row = this.postgres
      ? await this.inOneStatement(change, current, person, sign, boundary)
      : await sqliteTransaction(this.db, function* vote() {
          if (!(yield change).length) {
            const [unchanged] = (yield current) as Counted[];
            return unchanged;
          }
          const [counted] = (yield {
            sql: 'update feedback_posts set vote_count = vote_count + ? where id = ? returning vote_count, roadmap_item_id',
            bindings: [sign, postId],
          }) as Counted[];
          if (counted?.roadmap_item_id) {
            const item = counted.roadmap_item_id;
            const [{ weight }] = (yield {
              sql: personWeight('select ?, ?, ? where true'),
              bindings: [item, person, sign],
            }) as Array<{ weight: number }>;
            yield {
              sql: 'update roadmap_items set vote_count = vote_count + ?, people_count = people_count + ? where id = ?',
              bindings: [sign, Number(weight) === boundary ? sign : 0, item],
            };
          }
          return counted;
        });
    return row && Number(row.vote_count);
  }

  /** PostgreSQL: the vote, the post's count and the item's demand as one statement. */
  private async inOneStatement(
    change: Sql,
    current: Sql,
    person: string,
    sign: 1 | -1,
    boundary: 0 | 1,
  ): Promise<Counted | undefined> {
    const [row] = await inOneStatement<Counted>(
      this.db,
      [
        { name: 'vote', ...change },
        {
          name: 'post',
          sql: `update feedback_posts set vote_count = vote_count + ?
                where id = (select post_id from vote) returning vote_count, roadmap_item_id`,
          bindings: [sign],
        },
        {
          name: 'person',
          sql: personWeight(
            'select roadmap_item_id, ?, ? from post where roadmap_item_id is not null',
          ),
          bindings: [person, sign],
        },
        {
          name: 'item',
          sql: `update roadmap_items set vote_count = vote_count + ?,
                  people_count = people_count + ? * (select count(*) from person where weight = ?)
                where id = (select roadmap_item_id from post)`,
          bindings: [sign, sign, boundary],
        },
      ],
      {
        sql: `select vote_count from post
              union all
              ${current.sql} and not exists (select 1 from vote)`,
        bindings: current.bindings,
      },
    );
    return row;
  }
}
