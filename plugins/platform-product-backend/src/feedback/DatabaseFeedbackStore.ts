import {
  monthOf,
  NpsCounts,
  RoadmapItemSummary,
} from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { movePostDemand, PersonKey } from '../roadmap/store/demand';
import { itemSummaries } from '../roadmap/store/links';
import { pageOf } from '../shared/paging';
import {
  countOf,
  forUpdate,
  identifier,
  isPostgres,
  likePattern,
  runSql,
  sqliteTransaction,
  transaction,
} from '../shared/sql';
import {
  FeedbackStore,
  ListedPost,
  NewPost,
  Page,
  PostChange,
  PostMetrics,
  PostQuery,
  RatingQuery,
  StoredPost,
  StoredRating,
  StoredReply,
  VoteOn,
  WriteLimit,
  WriteLimitReached,
} from './FeedbackStore';
import {
  addPostStats,
  changePostStats,
  Counter,
  inOneStatement,
  incrementSql,
  inLockOrder,
  latestScoreSql,
  npsCounter,
  npsDelta,
  npsDeltaSql,
  postCount,
  postStatCounters,
} from './store/counters';
import { insertWithinLimit } from './store/writeLimit';
import { countPosts, npsByMonth, postMetrics } from './store/counterReads';
import {
  mostVotedFirst,
  newestFirst,
  newPostRow,
  PostRow,
  ratingRow,
  RatingRow,
  ReplyRow,
  toPost,
  toRating,
  toReply,
} from './store/rows';
import { Votes } from './store/votes';

const POST_COLUMNS = [
  'id',
  'product_ref',
  'entity_ref',
  'type',
  'title',
  'body',
  'status',
  'duplicate_of',
  'anonymous',
  'author_ref',
  'author_hash',
  'author_ref_encrypted',
  'vote_count',
  'reply_count',
  'first_team_reply_at',
  'hidden',
  'roadmap_item_id',
  'created_at',
  'updated_at',
]
  .map(identifier)
  .join(', ');

/**
 * Feedback rows in the plugin's database: ratings, posts, replies and votes. The aggregates
 * each write keeps (store/counters.ts, the response-time histogram in
 * store/responseTimes.ts) are written in the same transaction, or the same statement, as is
 * the demand of the roadmap item that carries a post (roadmap/store/demand.ts) when it is
 * voted on or deleted.
 */
export class DatabaseFeedbackStore implements FeedbackStore {
  /** `personKey`: how the demand of roadmap items keys a voter (see roadmap/store/demand.ts). */
  static create(db: Knex, options: { personKey: PersonKey }) {
    return new DatabaseFeedbackStore(db, options.personKey);
  }

  private readonly isPostgres: boolean;
  private readonly votes: Votes;

  private constructor(
    private readonly db: Knex,
    private readonly personKey: PersonKey,
  ) {
    this.isPostgres = isPostgres(db);
    this.votes = new Votes(db, this.isPostgres, personKey);
  }

  /** Row locks on PostgreSQL; SQLite serializes writers anyway. */
  private forUpdate<T extends Knex.QueryBuilder>(query: T): T {
    return forUpdate(this.isPostgres, query);
  }

  async addRating(rating: StoredRating, limit?: WriteLimit): Promise<void> {
    const row = ratingRow(rating, monthOf(rating.createdAt));
    const insert = insertWithinLimit('feedback_ratings', row, limit, [
      'product_ref',
      'month',
      'author_hash',
      'score',
    ]);
    if (this.isPostgres) {
      // one round trip: the limit, the rating, the user's latest score of the month and the
      // month's counts, moved from the old band to the new one in SQL
      const nps = incrementSql(
        npsCounter(row.product_ref, row.month, npsDeltaSql()),
        'latest',
      );
      const written = await inOneStatement(
        this.db,
        [
          { name: 'rating', ...insert },
          {
            name: 'latest',
            ...latestScoreSql({
              sql: 'select product_ref, month, author_hash, score from rating',
              bindings: [],
            }),
          },
        ],
        { sql: `${nps.sql} returning 1 as written`, bindings: nps.bindings },
      );
      if (!written.length) throw new WriteLimitReached();
      return;
    }
    await sqliteTransaction(this.db, function* newRating() {
      if (!(yield insert).length) throw new WriteLimitReached();
      const [latest] = (yield latestScoreSql({
        sql: 'select ?, ?, ?, ?',
        bindings: [row.product_ref, row.month, row.author_hash, row.score],
      })) as Array<{ previous_score: number | null }>;
      const delta = npsDelta(
        row.score,
        latest.previous_score === null ? null : Number(latest.previous_score),
      );
      if (delta.promoters || delta.passives || delta.detractors) {
        yield incrementSql(npsCounter(row.product_ref, row.month, delta));
      }
    });
  }

  async getRating(id: string): Promise<StoredRating | undefined> {
    const row = await this.db<RatingRow>('feedback_ratings')
      .where('id', id)
      .first();
    return row && toRating(row);
  }

  async listRatings(query: RatingQuery): Promise<Page<StoredRating>> {
    const filtered = this.db<RatingRow>('feedback_ratings').where(
      'product_ref',
      query.productRef,
    );
    if (query.authorHash) filtered.where('author_hash', query.authorHash);
    if (query.q) {
      filtered.whereRaw("lower(comment) like ? escape '\\'", [
        likePattern(query.q),
      ]);
    }
    const page = newestFirst(filtered.clone(), query.cursor);
    const [rows, count] = await Promise.all([
      page.limit(query.limit + 1),
      filtered.count({ count: '*' }),
    ]);
    return {
      ...pageOf(rows, query.limit, toRating, last => [last.createdAt, last.id]),
      totalCount: countOf(count),
    };
  }

  async addPost(post: NewPost, limit?: WriteLimit): Promise<StoredPost> {
    const stored: StoredPost = {
      ...post,
      status: 'new',
      duplicateOf: null,
      voteCount: 0,
      replyCount: 0,
      firstTeamReplyAt: null,
      hidden: false,
      roadmapItemId: null,
      updatedAt: post.createdAt,
    };
    const insert = insertWithinLimit(
      'feedback_posts',
      newPostRow(stored),
      limit,
      ['id'],
    );
    // the post, its count and its share of the post metrics (a new post, no reply yet)
    const counters: Counter[] = [
      postCount(stored, 1),
      ...postStatCounters(stored, 1),
    ];
    if (this.isPostgres) {
      // one round trip: the limit, the post and its counters, each counted once per post
      // inserted (none when the limit refused it)
      const [last, ...others] = counters.map(counter =>
        incrementSql(counter, 'post'),
      );
      const written = await inOneStatement(
        this.db,
        [
          { name: 'post', ...insert },
          ...others.map((counter, i) => ({ name: `counter${i}`, ...counter })),
        ],
        { sql: `${last.sql} returning 1 as written`, bindings: last.bindings },
      );
      if (!written.length) throw new WriteLimitReached();
    } else {
      await sqliteTransaction(this.db, function* newPost() {
        if (!(yield insert).length) throw new WriteLimitReached();
        for (const counter of inLockOrder(counters)) {
          yield incrementSql(counter);
        }
      });
    }
    return stored;
  }

  async getPost(id: string): Promise<StoredPost | undefined> {
    // read before every vote, reply and change: a statement prepared once, its columns named
    // (a prepared `select *` fails once a migration adds a column, on a replica not yet updated)
    const [row] = await runSql<PostRow>(this.db, {
      sql: `select ${POST_COLUMNS} from feedback_posts where id = ?`,
      bindings: [id],
    });
    return row && toPost(row);
  }

  async listPosts(query: PostQuery): Promise<Page<ListedPost>> {
    const filtered = this.db<PostRow>('feedback_posts').where(
      'product_ref',
      query.productRef,
    );
    if (query.type) filtered.where('type', query.type);
    if (query.status) filtered.where('status', query.status);
    if (!query.includeHidden) filtered.where('hidden', false);
    if (query.authorHash) filtered.where('author_hash', query.authorHash);
    if (query.q) {
      const pattern = likePattern(query.q);
      filtered.where(inner =>
        inner
          .whereRaw("lower(title) like ? escape '\\'", [pattern])
          .orWhereRaw("lower(body) like ? escape '\\'", [pattern]),
      );
    }

    // The voter's marks come with the page: one probe of the votes' primary key for each row
    // returned, instead of a second round trip after the page. A scalar subquery with LIMIT,
    // not EXISTS: PostgreSQL turns an EXISTS here into a hashed scan of all the voter's votes
    // (22 ms at 100,000 posts, against 0.2 ms).
    const page = filtered
      .clone()
      .select(
        'feedback_posts.*',
        query.voterRef
          ? this.db.raw(
              '(select 1 from feedback_votes v where v.post_id = feedback_posts.id and v.voter_ref = ? limit 1) as voted_by_me',
              [query.voterRef],
            )
          : this.db.raw('null as voted_by_me'),
      );
    if (query.sort === 'votes') mostVotedFirst(page, query.cursor);
    else newestFirst(page, query.cursor);

    const [rows, totalCount] = await Promise.all([
      page.limit(query.limit + 1),
      query.q || query.authorHash
        ? filtered.count({ count: '*' }).then(counts => countOf(counts))
        : countPosts(this.db, query),
    ]);
    const toListed = (row: PostRow) => ({
      ...toPost(row),
      votedByMe: Boolean((row as { voted_by_me?: unknown }).voted_by_me),
    });
    return {
      ...pageOf(rows, query.limit, toListed, last => [
        query.sort === 'votes' ? last.voteCount : last.createdAt,
        last.id,
      ]),
      totalCount,
    };
  }

  async updatePost(
    id: string,
    change: PostChange,
  ): Promise<StoredPost | undefined> {
    return transaction(this.db, async tx => {
      const row = await this.forUpdate(
        tx<PostRow>('feedback_posts').where('id', id).first(),
      );
      if (!row) return undefined;
      const before = toPost(row);
      if (change.status && before.status !== change.status.from) {
        return undefined;
      }
      const after: StoredPost = {
        ...before,
        ...(change.status && {
          status: change.status.to,
          duplicateOf: change.status.duplicateOf ?? null,
        }),
        ...(change.title !== undefined && { title: change.title }),
        ...(change.body !== undefined && { body: change.body }),
        ...(change.hidden !== undefined && { hidden: change.hidden }),
        updatedAt: change.updatedAt,
      };
      await tx<PostRow>('feedback_posts').where('id', id).update({
        status: after.status,
        duplicate_of: after.duplicateOf,
        title: after.title,
        body: after.body,
        hidden: after.hidden,
        updated_at: after.updatedAt,
      });
      // the counters this change moves, in one call: in lock order (see inLockOrder)
      await changePostStats(
        tx,
        this.isPostgres,
        before,
        after,
        after.status !== before.status || after.hidden !== before.hidden
          ? [postCount(before, -1), postCount(after, 1)]
          : [],
      );
      return after;
    });
  }

  async deletePost(id: string): Promise<boolean> {
    return transaction(this.db, async tx => {
      const row = await this.forUpdate(
        tx<PostRow>('feedback_posts').where('id', id).first(),
      );
      if (!row) return false;
      const post = toPost(row);
      if (post.roadmapItemId) {
        await movePostDemand(tx, post.roadmapItemId, post, this.personKey, -1);
      }
      await tx('feedback_votes').where('post_id', id).delete();
      await tx('feedback_replies').where('post_id', id).delete();
      await tx('feedback_posts').where('id', id).delete();
      await addPostStats(tx, this.isPostgres, post, -1, [postCount(post, -1)]);
      return true;
    });
  }

  roadmapItems(itemIds: string[]): Promise<Map<string, RoadmapItemSummary>> {
    return itemSummaries(this.db, itemIds);
  }

  async addReply(reply: StoredReply): Promise<void> {
    await transaction(this.db, async tx => {
      const row = await this.forUpdate(
        tx<PostRow>('feedback_posts').where('id', reply.postId).first(),
      );
      if (!row) return;
      const before = toPost(row);
      await tx<ReplyRow>('feedback_replies').insert({
        id: reply.id,
        post_id: reply.postId,
        author_ref: reply.authorRef,
        author_hash: reply.authorHash,
        by_post_author: reply.byPostAuthor,
        official: reply.official,
        body: reply.body,
        created_at: reply.createdAt,
      });
      const firstTeamReplyAt =
        reply.official && before.firstTeamReplyAt === null
          ? reply.createdAt
          : before.firstTeamReplyAt;
      await tx('feedback_posts')
        .where('id', reply.postId)
        .update({
          reply_count: tx.raw('reply_count + 1'),
          first_team_reply_at: firstTeamReplyAt,
        });
      await changePostStats(tx, this.isPostgres, before, {
        ...before,
        firstTeamReplyAt,
      });
    });
  }

  async listReplies(postId: string): Promise<StoredReply[]> {
    const rows = await this.db<ReplyRow>('feedback_replies')
      .where('post_id', postId)
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toReply);
  }

  async getReply(id: string): Promise<StoredReply | undefined> {
    const row = await this.db<ReplyRow>('feedback_replies')
      .where('id', id)
      .first();
    return row && toReply(row);
  }

  async deleteReply(id: string): Promise<boolean> {
    return transaction(this.db, async tx => {
      const reply = await tx<ReplyRow>('feedback_replies')
        .where('id', id)
        .first();
      if (!reply) return false;
      const row = await this.forUpdate(
        tx<PostRow>('feedback_posts').where('id', reply.post_id).first(),
      );
      await tx('feedback_replies').where('id', id).delete();
      const [{ first }] = await tx('feedback_replies')
        .where({ post_id: reply.post_id, official: true })
        .min({ first: 'created_at' });
      const firstTeamReplyAt = first === null ? null : Number(first);
      await tx('feedback_posts')
        .where('id', reply.post_id)
        .update({
          reply_count: tx.raw('reply_count - 1'),
          first_team_reply_at: firstTeamReplyAt,
        });
      if (row) {
        const before = toPost(row);
        await changePostStats(tx, this.isPostgres, before, {
          ...before,
          firstTeamReplyAt,
        });
      }
      return true;
    });
  }

  addVote(postId: string, voterRef: string, on: VoteOn = {}) {
    return this.votes.move(postId, voterRef, 1, on);
  }

  removeVote(postId: string, voterRef: string, on: VoteOn = {}) {
    return this.votes.move(postId, voterRef, -1, on);
  }

  async votedBy(postIds: string[], voterRef: string): Promise<Set<string>> {
    if (!postIds.length) return new Set();
    const ids = await this.db('feedback_votes')
      .whereIn('post_id', postIds)
      .andWhere('voter_ref', voterRef)
      .pluck('post_id');
    return new Set(ids);
  }

  async listVoters(postId: string): Promise<string[]> {
    return this.db('feedback_votes')
      .where('post_id', postId)
      .orderBy('voter_ref')
      .pluck('voter_ref');
  }

  npsByMonth(
    productRef: string,
    months: string[],
  ): Promise<Array<NpsCounts & { month: string }>> {
    return npsByMonth(this.db, productRef, months);
  }

  postMetrics(
    productRef: string,
    options: { months: string[]; untriagedBefore: number },
  ): Promise<PostMetrics> {
    return postMetrics(this.db, productRef, options);
  }

  async exportItems(
    productRef: string,
  ): Promise<{ ratings: StoredRating[]; posts: StoredPost[] }> {
    const order = [
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ];
    const [ratings, posts] = await Promise.all([
      this.db<RatingRow>('feedback_ratings')
        .where('product_ref', productRef)
        .orderBy(order),
      this.db<PostRow>('feedback_posts')
        .where('product_ref', productRef)
        .orderBy(order),
    ]);
    return { ratings: ratings.map(toRating), posts: posts.map(toPost) };
  }
}
