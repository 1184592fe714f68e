export interface AdoptionSnapshot {
  productRef: string;
  /** UTC day, YYYY-MM-DD */
  day: string;
  partCount: number;
  consumerCount: number;
  teamCount: number;
}

/** Daily adoption counts per product, kept for trends. */
export interface AdoptionSnapshotStore {
  /** Writes the snapshots, replacing any of the same product and day. */
  record(snapshots: AdoptionSnapshot[]): Promise<void>;
  /** The product's snapshots from `sinceDay` on, oldest first. */
  list(productRef: string, sinceDay: string): Promise<AdoptionSnapshot[]>;
}
