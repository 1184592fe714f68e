import { Knex } from 'knex';

/** What each reader did: read and acknowledged posts, dismissed banners, followed products. */
export class ReaderState {
  constructor(private readonly db: Knex) {}

  /** Marks the post read by the user; idempotent, the first time kept. */
  async markRead(id: string, userRef: string, now: number): Promise<void> {
    await this.read(id, userRef, now, null).ignore();
  }

  /** Marks the post read and acknowledged by the user; idempotent, the first times kept. */
  async acknowledge(id: string, userRef: string, now: number): Promise<void> {
    await this.read(id, userRef, now, now).merge({
      acknowledged_at: this.db.raw(
        'coalesce(announcement_reads.acknowledged_at, ?)',
        [now],
      ),
    });
  }

  /** The user's read of the post, to insert unless they read it before. */
  private read(
    id: string,
    userRef: string,
    now: number,
    acknowledgedAt: number | null,
  ) {
    return this.db('announcement_reads')
      .insert({
        announcement_id: id,
        user_ref: userRef,
        read_at: now,
        acknowledged_at: acknowledgedAt,
      })
      .onConflict(['announcement_id', 'user_ref']);
  }

  async dismiss(id: string, userRef: string, now: number): Promise<void> {
    await this.db('announcement_dismissals')
      .insert({ announcement_id: id, user_ref: userRef, dismissed_at: now })
      .onConflict(['announcement_id', 'user_ref'])
      .ignore();
  }

  async follow(productRef: string, userRef: string, now: number) {
    await this.db('product_follows')
      .insert({ product_ref: productRef, user_ref: userRef, created_at: now })
      .onConflict(['product_ref', 'user_ref'])
      .ignore();
  }

  async unfollow(productRef: string, userRef: string) {
    await this.db('product_follows')
      .where({ product_ref: productRef, user_ref: userRef })
      .delete();
  }

  async followState(
    productRef: string,
    userRef?: string,
  ): Promise<{ following: boolean; followers: number }> {
    const [row] = await this.db.select({
      followers: this.db('product_follows')
        .where('product_ref', productRef)
        .count('*'),
      mine: this.db('product_follows')
        .where({ product_ref: productRef, user_ref: userRef ?? '' })
        .count('*'),
    });
    return {
      following: Number(row.mine) > 0,
      followers: Number(row.followers),
    };
  }

  async followers(productRef: string): Promise<string[]> {
    return this.db('product_follows')
      .where('product_ref', productRef)
      .orderBy('user_ref')
      .pluck('user_ref');
  }
}
