import {
  Entity,
  entityKindSchemaValidator,
  parseEntityRef,
} from '@backstage/catalog-model';
import schema from './PlatformProduct.v1alpha1.schema.json';
import { PlatformProductEntityV1alpha1 } from './types';

export { schema as platformProductEntityV1alpha1Schema };

const validateSchema =
  entityKindSchemaValidator<PlatformProductEntityV1alpha1>(schema);

function checkRef(
  value: string,
  field: string,
  defaultKind: string | undefined,
  allowedKinds?: string[],
): void {
  let kind: string;
  try {
    kind = parseEntityRef(value, { defaultKind, defaultNamespace: 'default' })
      .kind;
  } catch {
    throw new TypeError(
      `${field} must be an entity reference like ${
        allowedKinds ? `'${allowedKinds[0]}:default/name'` : "'kind:default/name'"
      }, got '${value}'`,
    );
  }
  if (
    allowedKinds &&
    !allowedKinds.includes(kind.toLocaleLowerCase('en-US'))
  ) {
    throw new TypeError(
      `${field} must reference a ${allowedKinds.join(
        ' or ',
      )} entity, got '${value}'`,
    );
  }
}

/**
 * Validates a PlatformProduct entity. Returns the typed entity, `false` when the
 * entity is of another kind, and throws a TypeError that names the offending field
 * (for example `spec.productManager must reference a user entity, got 'group:default/x'`).
 */
export function validatePlatformProductEntity(
  entity: Entity,
): PlatformProductEntityV1alpha1 | false {
  let product: PlatformProductEntityV1alpha1 | false;
  try {
    product = validateSchema(entity);
  } catch (error) {
    // ajv says "/spec/lifecycle must be ..."; speak in the field paths of the YAML
    const message = String((error as Error).message).replace(
      /^\/(\S*)/,
      (_, path: string) => path.replace(/\//g, '.'),
    );
    throw new TypeError(`Invalid PlatformProduct: ${message}`);
  }
  if (!product) {
    return false;
  }
  const { spec } = product;
  checkRef(spec.owner, 'spec.owner', 'group', ['group', 'user']);
  if (spec.productManager !== undefined) {
    checkRef(spec.productManager, 'spec.productManager', 'user', ['user']);
  }
  spec.parts?.forEach((part, index) =>
    checkRef(part, `spec.parts[${index}]`, undefined),
  );
  return product;
}
