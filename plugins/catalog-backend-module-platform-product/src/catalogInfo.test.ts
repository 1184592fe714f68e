import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  isPlatformProductEntity,
  validatePlatformProductEntity,
} from '@platform-product/plugin-platform-product-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

// The suite's own catalog-info.yaml at the repository root: the suite as a
// PlatformProduct, made of one Component per published package under plugins/.
const ROOT = path.resolve(__dirname, '../../..');
const CATALOG_INFO = path.join(ROOT, 'catalog-info.yaml');
const PLUGINS = path.join(ROOT, 'plugins');

const kindValidators: Record<
  string,
  { check(entity: Entity): Promise<boolean> }
> = {
  component: componentEntityV1alpha1Validator,
  system: systemEntityV1alpha1Validator,
};

const policies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

function readCatalogInfo(): Entity[] {
  return parseAllDocuments(fs.readFileSync(CATALOG_INFO, 'utf8')).map(
    document => {
      if (document.errors.length) {
        throw new Error(`${CATALOG_INFO}: ${document.errors.join('; ')}`);
      }
      return document.toJS() as Entity;
    },
  );
}

/** The published packages: a folder under plugins/ with a package.json that is not private. */
function publishedPackages(): Array<{
  folder: string;
  name: string;
  description: string;
  role: string;
}> {
  return fs
    .readdirSync(PLUGINS)
    .filter(folder => fs.existsSync(path.join(PLUGINS, folder, 'package.json')))
    .map(folder => ({
      folder,
      ...JSON.parse(
        fs.readFileSync(path.join(PLUGINS, folder, 'package.json'), 'utf8'),
      ),
    }))
    .filter(pkg => !pkg.private)
    .map(pkg => ({
      folder: pkg.folder,
      name: pkg.name,
      description: pkg.description,
      role: pkg.backstage?.role,
    }));
}

const componentTypeOfRole: Record<string, string> = {
  'frontend-plugin': 'backstage-plugin',
  'backend-plugin': 'backstage-backend-plugin',
  'backend-plugin-module': 'backstage-backend-plugin',
  'common-library': 'library',
  'web-library': 'library',
  'node-library': 'library',
};

/** Throws, as the catalog would reject it, or resolves to true. */
async function validate(entity: Entity): Promise<boolean> {
  await policies.enforce(entity);
  if (isPlatformProductEntity(entity)) {
    return validatePlatformProductEntity(entity) === entity;
  }
  const validator = kindValidators[entity.kind.toLocaleLowerCase('en-US')];
  if (!validator) {
    throw new Error(`No validator for the kind ${entity.kind}`);
  }
  return validator.check(entity);
}

const refOf = (entity: Entity) =>
  stringifyEntityRef(entity).toLocaleLowerCase('en-US');

describe('catalog-info.yaml', () => {
  const entities = readCatalogInfo();
  const products = entities.filter(isPlatformProductEntity);
  const components = entities.filter(entity => entity.kind === 'Component');

  it.each(entities.map(entity => [refOf(entity), entity] as const))(
    'passes the catalog policies and the validator of its kind: %s',
    async (_, entity) => {
      await expect(validate(entity)).resolves.toBe(true);
    },
  );

  it('describes the suite as one PlatformProduct whose parts are all defined in the file', () => {
    expect(products).toHaveLength(1);
    const [product] = products;
    expect(product.metadata.name).toBe('platform-product');
    expect(product.spec).toMatchObject({
      vision: expect.any(String),
      audience: expect.arrayContaining([expect.any(String)]),
      support: expect.anything(),
    });
    const defined = new Set(entities.map(refOf));
    const parts = (product.spec.parts ?? []).map(part =>
      stringifyEntityRef(
        parseEntityRef(part, { defaultNamespace: 'default' }),
      ).toLocaleLowerCase('en-US'),
    );
    for (const part of parts) {
      expect(defined).toContain(part);
    }
    // and every Component in the file is a part of it
    expect(parts).toEqual(expect.arrayContaining(components.map(refOf)));
  });

  it('has one Component per published package, named after its folder under plugins/', () => {
    const packages = publishedPackages();
    expect(packages.length).toBeGreaterThan(0);
    expect(components.map(c => c.metadata.name).sort()).toEqual(
      packages.map(p => p.folder).sort(),
    );
    for (const pkg of packages) {
      const component = components.find(c => c.metadata.name === pkg.folder)!;
      expect({
        title: component.metadata.title,
        description: component.metadata.description,
        type: component.spec?.type,
        lifecycle: component.spec?.lifecycle,
        owner: component.spec?.owner,
      }).toEqual({
        title: pkg.name,
        description: pkg.description,
        type: componentTypeOfRole[pkg.role],
        lifecycle: 'experimental',
        owner: products[0].spec.owner,
      });
    }
  });
});
