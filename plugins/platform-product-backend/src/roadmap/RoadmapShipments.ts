import { LoggerService } from '@backstage/backend-plugin-api';
import { RoadmapNotifier } from './RoadmapNotifier';
import { RoadmapStore, StoredRoadmapItem } from './RoadmapStore';

/** How long after a ship the delivery task retries an item still untold. */
const RETRY_AFTER_MS = 2 * 60_000;

/**
 * "You asked, we shipped", told to everyone and shown to each once. The ship answers before
 * the telling (to thousands of people it takes longer than a request may); the item is marked
 * told once every send went through. The scheduled task tells again the items still untold
 * a while after they shipped (a failed send, a replica stopped mid-way): the notification's
 * scope makes a resent one replace the first, so nobody sees it twice.
 */
export class RoadmapShipments {
  constructor(
    private readonly options: {
      store: RoadmapStore;
      notifier: RoadmapNotifier;
      logger: LoggerService;
      now: () => number;
    },
  ) {}

  /** Starts telling the people behind a shipped item, without waiting for it. */
  tellSoon(item: StoredRoadmapItem, shipperRef: string) {
    this.tell(item, shipperRef).catch(error =>
      this.options.logger.warn(
        `Could not tell the people behind shipped roadmap item ${item.id}: ${
          (error as Error).name
        }`,
      ),
    );
  }

  /** The task: tells the people behind items shipped a while ago and still untold. */
  async tellUntold(): Promise<number> {
    const { store, now } = this.options;
    const items = await store.untoldShipments(now() - RETRY_AFTER_MS);
    for (const item of items) {
      const shipped = (await store.history(item.id)).find(
        entry => entry.action === 'ship',
      );
      await this.tell(item, shipped?.actor ?? '');
    }
    return items.length;
  }

  private async tell(item: StoredRoadmapItem, shipperRef: string) {
    const { store, notifier, now } = this.options;
    const people = await store.peopleOf(item.id);
    if (await notifier.shipped(item, people, shipperRef)) {
      await store.markShipmentTold(item.id, now());
    }
  }
}
