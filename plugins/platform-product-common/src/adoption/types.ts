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

/**
 * A product to describe (the `get-platform-product` action): by its ref or name
 * (`platformproduct:default/deployment-platform` or `deployment-platform`), or the product an
 * entity is part of (`entityRef`). Exactly one of the two.
 */
export const productLookupSchema = z
  .strictObject({
    product: z
      .string({ error: 'must be a string' })
      .trim()
      .min(1, 'must not be empty')
      .optional(),
    entityRef: entityRefSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.product === undefined) === (input.entityRef === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'give product (a PlatformProduct ref or name) or entityRef (an entity that is part of one), exactly one',
      });
    }
  });
export type ProductLookup = z.input<typeof productLookupSchema>;

/** A product as the `get-platform-product` action describes it: the catalog's facts and its adopting teams. */
export interface PlatformProductOverview {
  productRef: string;
  name: string;
  title: string | null;
  description: string | null;
  /** user ref; null when the product names none */
  productManager: string | null;
  /** the owning team (group ref) */
  owner: string;
  lifecycle: string;
  vision: string | null;
  audience: string[];
  supportChannels: Array<{ type: string; name: string; url: string | null }>;
  officeHours: { schedule: string; url: string | null } | null;
  parts: string[];
  consumerCount: number;
  /** Most consumers first; consumers without an owner are left out. */
  adoptingTeams: Array<{
    teamRef: string;
    title: string | null;
    consumerCount: number;
  }>;
}
