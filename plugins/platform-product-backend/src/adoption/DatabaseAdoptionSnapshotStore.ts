import { Knex } from 'knex';
import {
  AdoptionSnapshot,
  AdoptionSnapshotStore,
} from './AdoptionSnapshotStore';

type Row = {
  product_ref: string;
  day: string;
  part_count: number;
  consumer_count: number;
  team_count: number;
};

export class DatabaseAdoptionSnapshotStore implements AdoptionSnapshotStore {
  static create(db: Knex) {
    return new DatabaseAdoptionSnapshotStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async record(snapshots: AdoptionSnapshot[]): Promise<void> {
    if (!snapshots.length) return;
    // one row per product and day, the last one winning: PostgreSQL refuses an
    // upsert that touches the same row twice in one statement
    const unique = new Map<string, AdoptionSnapshot>();
    for (const s of snapshots) {
      unique.set(JSON.stringify([s.productRef, s.day]), s);
    }
    const rows: Row[] = [...unique.values()].map(s => ({
      product_ref: s.productRef,
      day: s.day,
      part_count: s.partCount,
      consumer_count: s.consumerCount,
      team_count: s.teamCount,
    }));
    await this.db.transaction(async tx => {
      // chunks keep each statement under SQLite's bound-parameter limit
      for (let i = 0; i < rows.length; i += 500) {
        await tx<Row>('adoption_snapshots')
          .insert(rows.slice(i, i + 500))
          .onConflict(['product_ref', 'day'])
          .merge(['part_count', 'consumer_count', 'team_count']);
      }
    });
  }

  async list(
    productRef: string,
    sinceDay: string,
  ): Promise<AdoptionSnapshot[]> {
    const rows = await this.db<Row>('adoption_snapshots')
      .where('product_ref', productRef)
      .andWhere('day', '>=', sinceDay)
      .orderBy('day', 'asc');
    return rows.map(row => ({
      productRef: row.product_ref,
      day: row.day,
      partCount: Number(row.part_count),
      consumerCount: Number(row.consumer_count),
      teamCount: Number(row.team_count),
    }));
  }
}
