import type { Entity } from '@backstage/catalog-model';

export const PLATFORM_PRODUCT_API_VERSION = 'platform-product/v1alpha1';
export const PLATFORM_PRODUCT_KIND = 'PlatformProduct';

export const PLATFORM_PRODUCT_LIFECYCLES = [
  'experimental',
  'beta',
  'production',
  'deprecated',
] as const;

export type PlatformProductLifecycle =
  (typeof PLATFORM_PRODUCT_LIFECYCLES)[number];

export type PlatformProductSupportChannel = {
  type: string;
  name: string;
  url?: string;
};

export type PlatformProductSupport = {
  channels?: PlatformProductSupportChannel[];
  officeHours?: { schedule: string; url?: string };
};

export interface PlatformProductEntityV1alpha1 extends Entity {
  apiVersion: typeof PLATFORM_PRODUCT_API_VERSION;
  kind: typeof PLATFORM_PRODUCT_KIND;
  spec: {
    owner: string;
    productManager?: string;
    lifecycle: PlatformProductLifecycle;
    vision?: string;
    audience?: string[];
    support?: PlatformProductSupport;
    parts?: string[];
  };
}

/** Tells whether an entity is a PlatformProduct (by kind, case-insensitively as the catalog does). */
export function isPlatformProductEntity(
  entity: Entity | undefined,
): entity is PlatformProductEntityV1alpha1 {
  return (
    !!entity &&
    entity.kind.toLocaleLowerCase('en-US') ===
      PLATFORM_PRODUCT_KIND.toLocaleLowerCase('en-US')
  );
}
