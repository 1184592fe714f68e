import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  platformProductReadPermission,
  PlatformProductOverview,
  productLookupSchema,
} from '@platform-product/plugin-platform-product-common';
import { AuthorizeDeps, requireOnProduct } from '../shared/authorize';
import { lower, RequestContext } from '../shared/caller';
import { parseInput } from '../shared/validation';
import { AdoptionService } from './AdoptionService';

/** A product ref from a ref or a bare name; anything but a PlatformProduct is a 400. */
function productRefOf(product: string): string {
  let ref: string;
  try {
    ref = lower(
      stringifyEntityRef(
        parseEntityRef(product, {
          defaultKind: 'platformproduct',
          defaultNamespace: 'default',
        }),
      ),
    );
  } catch {
    throw new InputError(
      `product must be a PlatformProduct ref or name, like 'deployment-platform', got '${product}'`,
    );
  }
  if (!ref.startsWith('platformproduct:')) {
    throw new InputError(
      `product must be a PlatformProduct, got '${product}' (give an entity that is part of a product as entityRef)`,
    );
  }
  return ref;
}

/**
 * Who a product is: the catalog's facts (PM, owner, lifecycle, vision, audience, support, parts)
 * and its adopting teams, for a product named by ref or name or found from one of its parts.
 * Read with `platform-product.product.read` on the product, as the adoption route is, and the
 * catalog read with the caller's credentials.
 */
export class ProductOverviewService {
  static create(options: { access: AuthorizeDeps; adoption: AdoptionService }) {
    return new ProductOverviewService(options.access, options.adoption);
  }

  private constructor(
    private readonly access: AuthorizeDeps,
    private readonly adoption: AdoptionService,
  ) {}

  async describe(
    input: unknown,
    ctx: RequestContext,
  ): Promise<PlatformProductOverview> {
    const { credentials } = ctx;
    const lookup = parseInput(productLookupSchema, input);
    const productRef = lookup.entityRef
      ? await this.access.products.productOf(lookup.entityRef, credentials)
      : productRefOf(lookup.product!);
    await requireOnProduct(
      this.access,
      productRef,
      platformProductReadPermission,
      credentials,
    );
    const product = await this.adoption.readableProduct(
      productRef,
      credentials,
    );
    const adoption = await this.adoption.adoptionOf(product, credentials);
    const { spec, metadata } = product;
    return {
      productRef: adoption.productRef,
      name: metadata.name,
      title: metadata.title ?? null,
      description: metadata.description ?? null,
      productManager: spec.productManager ?? null,
      owner: spec.owner,
      lifecycle: spec.lifecycle,
      vision: spec.vision ?? null,
      audience: spec.audience ?? [],
      supportChannels: (spec.support?.channels ?? []).map(channel => ({
        type: channel.type,
        name: channel.name,
        url: channel.url ?? null,
      })),
      officeHours: spec.support?.officeHours
        ? {
            schedule: spec.support.officeHours.schedule,
            url: spec.support.officeHours.url ?? null,
          }
        : null,
      parts: spec.parts ?? [],
      consumerCount: adoption.consumerCount,
      adoptingTeams: adoption.teams.flatMap(team =>
        team.teamRef
          ? [
              {
                teamRef: team.teamRef,
                title: team.title ?? null,
                consumerCount: team.consumerCount,
              },
            ]
          : [],
      ),
    };
  }
}
