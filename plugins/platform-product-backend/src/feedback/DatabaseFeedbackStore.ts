import { InputError } from '@backstage/errors';
import {
  npsCategory,
  NpsCounts,
} from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import {
  FeedbackStore,
  NewPost,
  Page,
  PostChange,
  PostMetrics,
  PostQuery,
  RatingQuery,
  StoredPost,
  StoredRating,
  StoredReply,
} from './FeedbackStore';

type PostRow = {
  id: string;
  product_ref: string;
  entity_ref: string;
  type: string;
  title: string;
  body: string | null;
  status: string;
  duplicate_of: string | null;
  anonymous: boolean | number;
  author_ref: string | null;
  author_hash: string;
  author_ref_encrypted: string | null;
  vote_count: number | string;
  reply_count: number | string;
  first_team_reply_at: number | string | null;
  hidden: boolean | number;
  created_at: number | string;
  updated_at: number | string;
};

type RatingRow = {
  id: string;
  product_ref: string;
  entity_ref: string;
  score: number;
  comment: string | null;
  anonymous: boolean | number;
  author_ref: string | null;
  author_hash: string;
  month: string;
  created_at: number | string;
};

type ReplyRow = {
  id: string;
  post_id: string;
  author_ref: string | null;
  author_hash: string;
  by_post_author: boolean | number;
  official: boolean | number;
  body: string;
  created_at: number | string;
};

const toPost = (row: PostRow): StoredPost => ({
  id: row.id,
  productRef: row.product_ref,
  entityRef: row.entity_ref,
  type: row.type as StoredPost['type'],
  title: row.title,
  body: row.body,
  status: row.status as StoredPost['status'],
  duplicateOf: row.duplicate_of,
  anonymous: Boolean(row.anonymous),
  authorRef: row.author_ref,
  authorHash: row.author_hash,
  authorRefEncrypted: row.author_ref_encrypted,
  voteCount: Number(row.vote_count),
  replyCount: Number(row.reply_count),
  firstTeamReplyAt:
    row.first_team_reply_at === null ? null : Number(row.first_team_reply_at),
  hidden: Boolean(row.hidden),
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

const toRating = (row: RatingRow): StoredRating => ({
  id: row.id,
  productRef: row.product_ref,
  entityRef: row.entity_ref,
  score: Number(row.score),
  comment: row.comment,
  anonymous: Boolean(row.anonymous),
  authorRef: row.author_ref,
  authorHash: row.author_hash,
  createdAt: Number(row.created_at),
});

const toReply = (row: ReplyRow): StoredReply => ({
  id: row.id,
  postId: row.post_id,
  authorRef: row.author_ref,
  authorHash: row.author_hash,
  byPostAuthor: Boolean(row.by_post_author),
  official: Boolean(row.official),
  body: row.body,
  createdAt: Number(row.created_at),
});

const monthOf = (time: number) => new Date(time).toISOString().slice(0, 7);

/** A keyset cursor: the sort key and id of the last item of the page. */
function encodeCursor(key: number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

function decodeCursor(cursor: string): [number, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isFinite(value[0]) &&
      typeof value[1] === 'string'
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // falls through to the error below
  }
  throw new InputError(`cursor '${cursor}' is not a cursor of this list`);
}

function likePattern(q: string) {
  return `%${q.toLocaleLowerCase('en-US').replace(/[\\%_]/g, '\\$&')}%`;
}

/** Counters are spread over this many rows per key; see the migration. */
const SHARDS = 8;
const anyShard = () => Math.floor(Math.random() * SHARDS);

const bucketOf = (score: number) => `${npsCategory(score)}s` as keyof NpsCounts;

const countOf = (rows: Array<Record<string, unknown>>, key = 'count') =>
  Number(rows[0]?.[key] ?? 0);

export class DatabaseFeedbackStore implements FeedbackStore {
  static create(db: Knex) {
    return new DatabaseFeedbackStore(db);
  }

  private readonly isPostgres: boolean;

  private constructor(private readonly db: Knex) {
    this.isPostgres = ['pg', 'postgres', 'postgresql'].includes(
      String(db.client.config.client),
    );
  }

  /** Row locks on PostgreSQL; SQLite serializes writers anyway. */
  private forUpdate<T extends Knex.QueryBuilder>(query: T): T {
    return this.isPostgres ? (query.forUpdate() as T) : query;
  }

  async addRating(rating: StoredRating): Promise<void> {
    const row: RatingRow = {
      id: rating.id,
      product_ref: rating.productRef,
      entity_ref: rating.entityRef,
      score: rating.score,
      comment: rating.comment,
      anonymous: rating.anonymous,
      author_ref: rating.authorRef,
      author_hash: rating.authorHash,
      month: monthOf(rating.createdAt),
      created_at: rating.createdAt,
    };
    if (this.isPostgres) {
      await this.addRatingInOneStatement(row);
      return;
    }
    await this.db.transaction(async tx => {
      await tx<RatingRow>('feedback_ratings').insert(row);
      // previous_score is null when this is the user's first rating of the month
      const [latest] = await tx('feedback_latest_ratings')
        .insert({
          product_ref: row.product_ref,
          month: row.month,
          author_hash: row.author_hash,
          score: row.score,
        })
        .onConflict(['product_ref', 'month', 'author_hash'])
        .merge({
          previous_score: tx.raw('feedback_latest_ratings.score'),
          score: row.score,
        })
        .returning('previous_score');
      const previous =
        latest.previous_score === null ? null : Number(latest.previous_score);
      const delta: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
      delta[bucketOf(row.score)] += 1;
      if (previous !== null) delta[bucketOf(previous)] -= 1;
      if (delta.promoters || delta.passives || delta.detractors) {
        await tx('feedback_nps_months')
          .insert({
            product_ref: row.product_ref,
            month: row.month,
            shard: anyShard(),
            ...delta,
          })
          .onConflict(['product_ref', 'month', 'shard'])
          .merge({
            promoters: tx.raw('feedback_nps_months.promoters + ?', [
              delta.promoters,
            ]),
            passives: tx.raw('feedback_nps_months.passives + ?', [
              delta.passives,
            ]),
            detractors: tx.raw('feedback_nps_months.detractors + ?', [
              delta.detractors,
            ]),
          });
      }
    });
  }

  /**
   * The same as the transaction above in one round trip, for write throughput: the
   * rating, the user's latest score of the month (the upsert returns the score it
   * replaced, read under the row lock, so concurrent re-ratings count right) and the
   * month's counters, moved from the old bucket to the new one.
   */
  private async addRatingInOneStatement(row: RatingRow) {
    const bucket = (score: string) => ({
      promoters: `(${score} >= 9)`,
      passives: `(${score} between 7 and 8)`,
      detractors: `(${score} <= 6)`,
    });
    const now = bucket('l.score');
    const before = bucket('l.previous_score');
    const delta = (key: keyof NpsCounts) =>
      `${now[key]}::int - coalesce(${before[key]}::int, 0)`;
    await this.db.raw(
      `with rating as (
         insert into feedback_ratings
           (id, product_ref, entity_ref, score, comment, anonymous, author_ref, author_hash, month, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ), l as (
         insert into feedback_latest_ratings as latest (product_ref, month, author_hash, score)
         values (?, ?, ?, ?)
         on conflict (product_ref, month, author_hash)
           do update set previous_score = latest.score, score = excluded.score
         returning score, previous_score
       )
       insert into feedback_nps_months as counts
         (product_ref, month, shard, promoters, passives, detractors)
       select ?, ?, ?, ${delta('promoters')}, ${delta('passives')}, ${delta(
        'detractors',
      )}
       from l
       on conflict (product_ref, month, shard) do update set
         promoters = counts.promoters + excluded.promoters,
         passives = counts.passives + excluded.passives,
         detractors = counts.detractors + excluded.detractors`,
      [
        row.id,
        row.product_ref,
        row.entity_ref,
        row.score,
        row.comment,
        row.anonymous,
        row.author_ref,
        row.author_hash,
        row.month,
        row.created_at,
        row.product_ref,
        row.month,
        row.author_hash,
        row.score,
        row.product_ref,
        row.month,
        anyShard(),
      ],
    );
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
    const page = filtered.clone().orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor);
      page.whereRaw('(created_at, id) < (?, ?)', [createdAt, id]);
    }
    const [rows, count] = await Promise.all([
      page.limit(query.limit + 1),
      filtered.count({ count: '*' }),
    ]);
    const items = rows.slice(0, query.limit).map(toRating);
    const last = items[items.length - 1];
    return {
      items,
      totalCount: countOf(count),
      nextCursor:
        rows.length > query.limit
          ? encodeCursor(last.createdAt, last.id)
          : null,
    };
  }

  private async adjustCount(
    tx: Knex.Transaction,
    post: { productRef: string; type: string; status: string; hidden: boolean },
    delta: number,
  ) {
    await tx('feedback_post_counts')
      .insert({
        product_ref: post.productRef,
        type: post.type,
        status: post.status,
        hidden: post.hidden,
        shard: anyShard(),
        count: delta,
      })
      .onConflict(['product_ref', 'type', 'status', 'hidden', 'shard'])
      .merge({ count: tx.raw('feedback_post_counts.count + ?', [delta]) });
  }

  async addPost(post: NewPost): Promise<StoredPost> {
    const stored: StoredPost = {
      ...post,
      status: 'new',
      duplicateOf: null,
      voteCount: 0,
      replyCount: 0,
      firstTeamReplyAt: null,
      hidden: false,
      updatedAt: post.createdAt,
    };
    const row = {
      id: stored.id,
      product_ref: stored.productRef,
      entity_ref: stored.entityRef,
      type: stored.type,
      title: stored.title,
      body: stored.body,
      status: stored.status,
      anonymous: stored.anonymous,
      author_ref: stored.authorRef,
      author_hash: stored.authorHash,
      author_ref_encrypted: stored.authorRefEncrypted,
      created_at: stored.createdAt,
      updated_at: stored.updatedAt,
    };
    if (this.isPostgres) {
      // the post and its count in one round trip, for write throughput
      const columns = Object.keys(row);
      await this.db.raw(
        `with post as (
           insert into feedback_posts (${columns.join(', ')})
           values (${columns.map(() => '?').join(', ')})
         )
         insert into feedback_post_counts as counts
           (product_ref, type, status, hidden, shard, count)
         values (?, ?, ?, false, ?, 1)
         on conflict (product_ref, type, status, hidden, shard)
           do update set count = counts.count + 1`,
        [
          ...Object.values(row),
          row.product_ref,
          row.type,
          row.status,
          anyShard(),
        ],
      );
    } else {
      await this.db.transaction(async tx => {
        await tx<PostRow>('feedback_posts').insert(row);
        await this.adjustCount(tx, stored, 1);
      });
    }
    return stored;
  }

  async getPost(id: string): Promise<StoredPost | undefined> {
    const row = await this.db<PostRow>('feedback_posts')
      .where('id', id)
      .first();
    return row && toPost(row);
  }

  async listPosts(query: PostQuery): Promise<Page<StoredPost>> {
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

    const page = filtered.clone();
    if (query.sort === 'votes') {
      page.orderBy([
        { column: 'vote_count', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
      if (query.cursor) {
        const [votes, id] = decodeCursor(query.cursor);
        page.where(after =>
          after
            .where('vote_count', '<', votes)
            .orWhere(tie =>
              tie.where('vote_count', votes).where('id', '>', id),
            ),
        );
      }
    } else {
      page.orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
      if (query.cursor) {
        const [createdAt, id] = decodeCursor(query.cursor);
        page.whereRaw('(created_at, id) < (?, ?)', [createdAt, id]);
      }
    }

    const [rows, totalCount] = await Promise.all([
      page.limit(query.limit + 1),
      query.q || query.authorHash
        ? filtered.count({ count: '*' }).then(counts => countOf(counts))
        : this.countFromAggregates(query),
    ]);
    const items = rows.slice(0, query.limit).map(toPost);
    const last = items[items.length - 1];
    let nextCursor: string | null = null;
    if (rows.length > query.limit) {
      nextCursor = encodeCursor(
        query.sort === 'votes' ? last.voteCount : last.createdAt,
        last.id,
      );
    }
    return { items, totalCount, nextCursor };
  }

  /** The number of matching posts from the per-product counts: no row scan. */
  private async countFromAggregates(query: PostQuery): Promise<number> {
    const counts = this.db('feedback_post_counts').where(
      'product_ref',
      query.productRef,
    );
    if (query.type) counts.where('type', query.type);
    if (query.status) counts.where('status', query.status);
    if (!query.includeHidden) counts.where('hidden', false);
    return countOf(await counts.sum({ count: 'count' }));
  }

  async updatePost(
    id: string,
    change: PostChange,
  ): Promise<StoredPost | undefined> {
    return this.db.transaction(async tx => {
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
      if (after.status !== before.status || after.hidden !== before.hidden) {
        await this.adjustCount(tx, before, -1);
        await this.adjustCount(tx, after, 1);
      }
      return after;
    });
  }

  async deletePost(id: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      const row = await this.forUpdate(
        tx<PostRow>('feedback_posts').where('id', id).first(),
      );
      if (!row) return false;
      await tx('feedback_votes').where('post_id', id).delete();
      await tx('feedback_replies').where('post_id', id).delete();
      await tx('feedback_posts').where('id', id).delete();
      await this.adjustCount(tx, toPost(row), -1);
      return true;
    });
  }

  async countByAuthorSince(authorHash: string, since: number): Promise<number> {
    // one round trip: this runs before every write
    const [row] = await this.db.select({
      posts: this.db('feedback_posts')
        .where('author_hash', authorHash)
        .andWhere('created_at', '>=', since)
        .count('*'),
      ratings: this.db('feedback_ratings')
        .where('author_hash', authorHash)
        .andWhere('created_at', '>=', since)
        .count('*'),
    });
    return Number(row.posts) + Number(row.ratings);
  }

  async addReply(reply: StoredReply): Promise<void> {
    await this.db.transaction(async tx => {
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
      await tx('feedback_posts')
        .where('id', reply.postId)
        .update({
          reply_count: tx.raw('reply_count + 1'),
          ...(reply.official && {
            first_team_reply_at: tx.raw('coalesce(first_team_reply_at, ?)', [
              reply.createdAt,
            ]),
          }),
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
    return this.db.transaction(async tx => {
      const row = await tx<ReplyRow>('feedback_replies')
        .where('id', id)
        .first();
      if (!row) return false;
      await tx('feedback_replies').where('id', id).delete();
      const [{ first }] = await tx('feedback_replies')
        .where({ post_id: row.post_id, official: true })
        .min({ first: 'created_at' });
      await tx('feedback_posts')
        .where('id', row.post_id)
        .update({
          reply_count: tx.raw('reply_count - 1'),
          first_team_reply_at: first === null ? null : Number(first),
        });
      return true;
    });
  }

  async setVote(
    postId: string,
    voterRef: string,
    voted: boolean,
  ): Promise<number> {
    return this.db.transaction(async tx => {
      let delta = 0;
      if (voted) {
        const inserted = await tx('feedback_votes')
          .insert({
            post_id: postId,
            voter_ref: voterRef,
            created_at: Date.now(),
          })
          .onConflict(['post_id', 'voter_ref'])
          .ignore()
          .returning('post_id');
        delta = inserted.length;
      } else {
        delta = -(await tx('feedback_votes')
          .where({ post_id: postId, voter_ref: voterRef })
          .delete());
      }
      if (delta) {
        await tx('feedback_posts')
          .where('id', postId)
          .update({ vote_count: tx.raw('vote_count + ?', [delta]) });
      }
      const row = await tx('feedback_posts')
        .where('id', postId)
        .first('vote_count');
      return Number(row?.vote_count ?? 0);
    });
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

  async npsByMonth(
    productRef: string,
    months: string[],
  ): Promise<Array<NpsCounts & { month: string }>> {
    const rows: Array<Record<string, string | number>> = await this.db(
      'feedback_nps_months',
    )
      .where('product_ref', productRef)
      .whereIn('month', months)
      .groupBy('month')
      .select('month')
      .sum({
        promoters: 'promoters',
        passives: 'passives',
        detractors: 'detractors',
      });
    const byMonth = new Map(rows.map(row => [String(row.month), row]));
    return months.map(month => {
      const row = byMonth.get(month);
      return {
        month,
        promoters: Number(row?.promoters ?? 0),
        passives: Number(row?.passives ?? 0),
        detractors: Number(row?.detractors ?? 0),
      };
    });
  }

  async postMetrics(
    productRef: string,
    options: { since: number; untriagedBefore: number },
  ): Promise<PostMetrics> {
    const windowPosts = () =>
      this.db('feedback_posts')
        .where('product_ref', productRef)
        .andWhere('created_at', '>=', options.since)
        .andWhere('hidden', false);
    const [counts, untriaged] = await Promise.all([
      windowPosts().select(
        this.db.raw('count(*) as posts'),
        this.db.raw('count(first_team_reply_at) as replied'),
      ),
      this.db('feedback_posts')
        .where({ product_ref: productRef, status: 'new', hidden: false })
        .andWhere('created_at', '<', options.untriagedBefore)
        .count({ count: '*' }),
    ]);
    const posts = countOf(counts, 'posts');
    const replied = countOf(counts, 'replied');

    let medianFirstResponseMs: number | null = null;
    if (replied > 0) {
      // the middle one or two of the sorted response times (portable: no percentile_cont in SQLite)
      const middle = await windowPosts()
        .whereNotNull('first_team_reply_at')
        .select(
          this.db.raw('(first_team_reply_at - created_at) as response_ms'),
        )
        .orderBy('response_ms')
        .offset(Math.floor((replied - 1) / 2))
        .limit(replied % 2 === 1 ? 1 : 2);
      medianFirstResponseMs =
        middle.reduce((sum, row) => sum + Number(row.response_ms), 0) /
        middle.length;
    }
    return {
      posts,
      postsWithTeamReply: replied,
      medianFirstResponseMs,
      untriaged: countOf(untriaged),
    };
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
