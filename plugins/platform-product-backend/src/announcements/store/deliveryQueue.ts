import { Knex } from 'knex';
import { chunks } from '../../shared/chunks';
import { forUpdate } from '../../shared/sql';
import { DeliveryRecipient, StoredAnnouncement } from '../AnnouncementStore';
import { Row, tagsColumn, toAnnouncement } from './rows';

/** rows per statement: well under the bound-parameter limits of SQLite and PostgreSQL */
const CHUNK = 500;

/**
 * The delivery queue: due posts, claimed by one replica at a time, their audience recorded
 * once and notified in batches while the claim holds.
 */
export class DeliveryQueue {
  constructor(private readonly db: Knex, private readonly postgres: boolean) {}

  /** Due, undelivered posts whose delivery nobody holds. */
  private due(query: Knex.QueryBuilder, now: number, staleBefore: number) {
    return query
      .where('draft', false)
      .whereNull('delivered_at')
      .where('publish_at', '<=', now)
      .where(free =>
        free
          .whereNull('delivery_claimed_at')
          .orWhere('delivery_claimed_at', '<', staleBefore),
      );
  }

  async dueForDelivery(
    now: number,
    staleBefore: number,
    limit: number,
  ): Promise<string[]> {
    return this.due(this.db('announcements'), now, staleBefore)
      .orderBy([
        { column: 'publish_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(limit)
      .pluck('id');
  }

  async claimDelivery(
    id: string,
    claim: string,
    now: number,
    staleBefore: number,
  ): Promise<(StoredAnnouncement & { audienceRecorded: boolean }) | undefined> {
    // one conditional UPDATE: of two replicas, only one matches the row
    const claimed = await this.due(
      this.db('announcements').where('id', id),
      now,
      staleBefore,
    ).update({
      delivery_claim: claim,
      delivery_claimed_at: now,
      published_at: this.db.raw('coalesce(published_at, ?)', [now]),
      sort_at: this.db.raw(
        'case when published_at is null then ? else sort_at end',
        [now],
      ),
    });
    if (!claimed) return undefined;
    const row: Row | undefined = await this.db<Row>('announcements as a')
      .select('a.*', tagsColumn(this.db, this.postgres))
      .where('a.id', id)
      .first();
    if (!row || row.delivery_claim !== claim) return undefined;
    const post = toAnnouncement(row);
    return { ...post, audienceRecorded: row.audience_recorded_at !== null };
  }

  async recordAudience(
    id: string,
    claim: string,
    recipients: DeliveryRecipient[],
    now: number,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const row = await forUpdate(
        this.postgres,
        tx('announcements')
          .where({ id, delivery_claim: claim })
          .first('audience_recorded_at'),
      );
      if (!row) return false;
      if (row.audience_recorded_at !== null) return true;
      for (const chunk of chunks(recipients, 200)) {
        await tx('announcement_deliveries')
          .insert(
            chunk.map(recipient => ({
              announcement_id: id,
              user_ref: recipient.userRef,
              team_ref: recipient.teamRef,
              notified_at: null,
            })),
          )
          .onConflict(['announcement_id', 'user_ref'])
          .ignore();
      }
      await tx('announcements')
        .where('id', id)
        .update({ audience_recorded_at: now });
      return true;
    });
  }

  async pendingRecipients(id: string, limit: number): Promise<string[]> {
    return this.db('announcement_deliveries')
      .where('announcement_id', id)
      .whereNull('notified_at')
      .orderBy('user_ref')
      .limit(limit)
      .pluck('user_ref');
  }

  async markNotified(
    id: string,
    claim: string,
    userRefs: string[],
    now: number,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const renewed = await tx('announcements')
        .where({ id, delivery_claim: claim })
        .update({ delivery_claimed_at: now });
      if (!renewed) return false;
      for (const chunk of chunks(userRefs, CHUNK)) {
        await tx('announcement_deliveries')
          .where('announcement_id', id)
          .whereIn('user_ref', chunk)
          .update({ notified_at: now });
      }
      return true;
    });
  }

  async finishDelivery(
    id: string,
    claim: string,
    now: number,
  ): Promise<boolean> {
    const finished = await this.db('announcements')
      .where({ id, delivery_claim: claim })
      .update({
        delivered_at: now,
        delivery_claim: null,
        delivery_claimed_at: null,
      });
    return finished > 0;
  }

  async releaseDelivery(id: string, claim: string): Promise<void> {
    await this.db('announcements')
      .where({ id, delivery_claim: claim })
      .whereNull('delivered_at')
      .update({ delivery_claim: null, delivery_claimed_at: null });
  }
}
