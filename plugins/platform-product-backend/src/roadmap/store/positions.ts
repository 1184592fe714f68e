import {
  ROADMAP_HORIZONS,
  RoadmapHorizon,
} from '@platform-product/plugin-platform-product-common';
import { Knex } from 'knex';
import { chunks } from '../../shared/chunks';
import { HorizonSizes } from '../RoadmapStore';
import { OPEN_STATUSES } from './rows';

/**
 * The order of a product's open items: per horizon, the item ids by position (0..n-1, dense).
 * Read and written under the product's lock (see DatabaseRoadmapStore), so a write sees the
 * order the previous one left.
 */
export class OpenOrder {
  static async read(tx: Knex.Transaction, productRef: string) {
    const rows: Array<{ id: string; horizon: string; position: number }> =
      await tx('roadmap_items')
        .where('product_ref', productRef)
        .whereIn('status', OPEN_STATUSES)
        .orderBy([
          { column: 'position', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .select('id', 'horizon', 'position');
    return new OpenOrder(rows);
  }

  private readonly ids: Record<RoadmapHorizon, string[]> = {
    now: [],
    next: [],
    later: [],
  };
  private readonly stored = new Map<string, number>();

  private constructor(
    rows: Array<{ id: string; horizon: string; position: number }>,
  ) {
    for (const row of rows) {
      this.ids[row.horizon as RoadmapHorizon].push(row.id);
      this.stored.set(row.id, Number(row.position));
    }
  }

  sizes(): HorizonSizes {
    return {
      now: this.ids.now.length,
      next: this.ids.next.length,
      later: this.ids.later.length,
    };
  }

  /** The item's place in its horizon; -1 when it is not open. */
  indexOf(id: string, horizon: RoadmapHorizon) {
    return this.ids[horizon].indexOf(id);
  }

  remove(id: string, horizon: RoadmapHorizon) {
    const index = this.indexOf(id, horizon);
    if (index >= 0) this.ids[horizon].splice(index, 1);
  }

  /** Puts the item at `index` of the horizon (last without one); returns its position. */
  insert(id: string, horizon: RoadmapHorizon, index?: number): number {
    const ids = this.ids[horizon];
    const at = Math.min(index ?? ids.length, ids.length);
    ids.splice(at, 0, id);
    return at;
  }

  /** Writes the positions that moved since the order was read. */
  async write(tx: Knex.Transaction) {
    const moved = ROADMAP_HORIZONS.flatMap(horizon =>
      this.ids[horizon]
        .map((id, position) => ({ id, position }))
        .filter(({ id, position }) => this.stored.get(id) !== position),
    );
    for (const part of chunks(moved, 300)) {
      await tx('roadmap_items')
        .whereIn(
          'id',
          part.map(({ id }) => id),
        )
        .update({
          position: tx.raw(
            `case id ${part
              .map(() => 'when ? then cast(? as integer)')
              .join(' ')} end`,
            part.flatMap(({ id, position }) => [id, position]),
          ),
        });
    }
  }
}
