import { z } from 'zod';
import { entityRefSchema } from '../refs';

export const adoptionQuerySchema = z.object({
  productRef: entityRefSchema,
});

export type AdoptionQuery = z.infer<typeof adoptionQuerySchema>;

/** An entity that depends on the product or one of its parts. */
export interface AdoptionConsumer {
  entityRef: string;
  title?: string;
  /** The product or parts this consumer depends on or whose API it consumes. */
  uses: string[];
}

/** A team that owns at least one consumer of the product. */
export interface AdoptingTeam {
  /** The owner's entity ref; consumers without an owner are grouped under `null`. */
  teamRef: string | null;
  title?: string;
  consumerCount: number;
  consumers: AdoptionConsumer[];
}

/** Adoption on one UTC day (YYYY-MM-DD), from the daily snapshots. */
export interface AdoptionTrendPoint {
  day: string;
  consumerCount: number;
  teamCount: number;
}

export interface ProductAdoption {
  productRef: string;
  partCount: number;
  consumerCount: number;
  teamCount: number;
  /** Sorted by consumer count, most first. */
  teams: AdoptingTeam[];
  /** Daily counts over the last 90 days, oldest first; today is the live figure. */
  history: AdoptionTrendPoint[];
}
