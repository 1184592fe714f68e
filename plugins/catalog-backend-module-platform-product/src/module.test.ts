import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { catalogModulePlatformProduct } from './module';

const BROKEN_PRODUCTS = path.resolve(
  __dirname,
  '../../../examples/broken/products.yaml',
);

const location = 'url:https://example.com/catalog-info.yaml';

const goodProduct: Entity = {
  apiVersion: 'platform-product/v1alpha1',
  kind: 'PlatformProduct',
  metadata: { name: 'deployment-platform', title: 'Deployment Platform' },
  spec: {
    owner: 'group:default/platform-team',
    productManager: 'user:default/jane.doe',
    lifecycle: 'production',
    vision: 'Every team ships to production in one command.',
    parts: ['system:default/deploy', 'component:default/deploy-cli'],
  },
};

function readBrokenProduct(): Entity {
  const entities = parseAllDocuments(
    fs.readFileSync(BROKEN_PRODUCTS, 'utf8'),
  ).map(document => document.toJS() as Entity);
  const broken = entities.find(
    entity =>
      entity?.kind === 'PlatformProduct' &&
      entity.metadata?.name === 'broken-product',
  );
  if (!broken) {
    throw new Error(`No PlatformProduct broken-product in ${BROKEN_PRODUCTS}`);
  }
  return broken;
}

describe('catalogModulePlatformProduct', () => {
  let server: Parameters<typeof request>[0];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModulePlatformProduct,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [
                {
                  allow: [
                    'PlatformProduct',
                    'Component',
                    'User',
                    'Group',
                    'System',
                    'API',
                    'Location',
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
  });

  const validate = (entity: unknown) =>
    request(server)
      .post('/api/catalog/validate-entity')
      .send({ entity, location });

  it('accepts a valid product', async () => {
    const response = await validate(goodProduct);
    expect(response.status).toBe(200);
  });

  it('rejects the broken demo product, naming spec.productManager', async () => {
    const broken = readBrokenProduct();
    expect(broken.spec?.productManager).toBe('group:default/platform-team');

    const response = await validate(broken);
    expect(response.status).toBe(400);
    const messages: string[] = response.body.errors.map(
      (error: { message: string }) => error.message,
    );
    expect(messages.join('\n')).toContain(
      "spec.productManager must reference a user entity, got 'group:default/platform-team'",
    );
  });

  it('rejects an unknown lifecycle, naming spec.lifecycle', async () => {
    const response = await validate({
      ...goodProduct,
      spec: { ...goodProduct.spec, lifecycle: 'retired' },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toContain('spec.lifecycle');
  });
});
