import {
  Entity,
  entityKindSchemaValidator,
  parseEntityRef,
} from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import schema from './PlatformProduct.v1alpha1.schema.json';
import { PlatformProductEntityV1alpha1 } from './types';

/**
 * The JSON schema of the PlatformProduct kind. Typed here so that the published
 * type declarations do not import the JSON file, which is bundled into the code.
 *
 * @public
 */
export const platformProductEntityV1alpha1Schema: JsonObject = schema;

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
    kind = parseEntityRef(value, {
      defaultKind,
      defaultNamespace: 'default',
    }).kind;
  } catch {
    throw new TypeError(
      `${field} must be an entity reference like ${
        allowedKinds
          ? `'${allowedKinds[0]}:default/name'`
          : "'kind:default/name'"
      }, got '${value}'`,
    );
  }
  if (allowedKinds && !allowedKinds.includes(kind.toLocaleLowerCase('en-US'))) {
    throw new TypeError(
      `${field} must reference a ${allowedKinds.join(
        ' or ',
      )} entity, got '${value}'`,
    );
  }
}

/**
 * ajv says "/spec must have required property 'owner' - missingProperty: owner" or
 * "/spec/parts/0 must be string"; speak in the field paths of the YAML instead
 * ("spec.owner is required", "spec.parts[0] must be string").
 */
function describeSchemaError(raw: string): string {
  const match = raw.match(/^(\S+) (.*)$/);
  if (!match) {
    return raw;
  }
  const [, path, rest] = match;
  const field =
    path === '<root>'
      ? ''
      : path
          .replace(/^\//, '')
          .split('/')
          .map((segment, index) =>
            /^\d+$/.test(segment)
              ? `[${segment}]`
              : `${index ? '.' : ''}${segment}`,
          )
          .join('');
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const missing = rest.match(/missingProperty: (\S+)/);
  if (missing) {
    return `${at(missing[1])} is required`;
  }
  const unknown = rest.match(/additionalProperty: (\S+)/);
  if (unknown) {
    return `${at(unknown[1])} is not a known field`;
  }
  return field ? `${field} ${rest}` : raw;
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
    throw new TypeError(
      `Invalid PlatformProduct: ${describeSchemaError(
        String((error as Error).message),
      )}`,
    );
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
