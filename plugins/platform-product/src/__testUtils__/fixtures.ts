import { Entity } from '@backstage/catalog-model';
import {
  PlatformProductEntityV1alpha1,
  ProductAdoption,
} from '@platform-product/plugin-platform-product-common';

export const deploymentPlatform: PlatformProductEntityV1alpha1 = {
  apiVersion: 'platform-product/v1alpha1',
  kind: 'PlatformProduct',
  metadata: {
    name: 'deployment-platform',
    namespace: 'default',
    title: 'Deployment Platform',
    description: 'Ship a service to production in one command.',
    tags: ['deployment'],
  },
  spec: {
    owner: 'group:default/platform-team',
    productManager: 'user:default/jane.doe',
    lifecycle: 'production',
    vision:
      'For every engineer who ships a service, get it to production in one command.',
    audience: ['backend developers', 'data engineers'],
    support: {
      channels: [
        {
          type: 'chat',
          name: '#deploy-help',
          url: 'https://chat.example.com/deploy-help',
        },
        {
          type: 'issues',
          name: 'Deployment Platform issues',
          url: 'https://issues.example.com/DEPLOY',
        },
      ],
      officeHours: {
        schedule: 'Thursdays 15:00 CET',
        url: 'https://meet.example.com/deploy',
      },
    },
    parts: ['component:default/deploy-cli', 'api:default/deploy-api'],
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/platform-team' },
    { type: 'productManagedBy', targetRef: 'user:default/jane.doe' },
    { type: 'hasPart', targetRef: 'component:default/deploy-cli' },
    { type: 'hasPart', targetRef: 'api:default/deploy-api' },
  ],
};

export const previewEnvironments: PlatformProductEntityV1alpha1 = {
  apiVersion: 'platform-product/v1alpha1',
  kind: 'PlatformProduct',
  metadata: {
    name: 'preview-environments',
    namespace: 'default',
    title: 'Preview Environments',
    description: 'A live environment for every pull request.',
  },
  spec: {
    owner: 'group:default/platform-team',
    lifecycle: 'experimental',
    vision: 'Reviewers can try any pull request in an isolated environment.',
  },
};

export const janeDoe: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'jane.doe', namespace: 'default' },
  spec: {
    profile: {
      displayName: 'Jane Doe',
      email: 'jane.doe@example.com',
      picture: 'https://avatars.example.com/jane.png',
    },
    memberOf: ['platform-product-managers'],
  },
};

export const deployCli: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'deploy-cli',
    namespace: 'default',
    description: 'The command line to ship a service.',
  },
  spec: { type: 'tool', owner: 'group:default/platform-team' },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/platform-team' },
    {
      type: 'partOf',
      targetRef: 'platformproduct:default/deployment-platform',
    },
  ],
};

export const deployApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: {
    name: 'deploy-api',
    namespace: 'default',
    title: 'Deploy API',
    description: 'Start and follow deployments.',
  },
  spec: { type: 'openapi', owner: 'group:default/platform-team' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/platform-team' }],
};

/** A service of the payments team that uses the Deployment Platform (no relations here). */
export const paymentsApiComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments-team' },
};

export const adoption: ProductAdoption = {
  productRef: 'platformproduct:default/deployment-platform',
  partCount: 2,
  consumerCount: 3,
  teamCount: 2,
  teams: [
    {
      teamRef: 'group:default/payments-team',
      title: 'Payments Team',
      consumerCount: 2,
      consumers: [
        {
          entityRef: 'component:default/payments-service',
          title: 'Payments Service',
          uses: ['api:default/deploy-api'],
        },
        {
          entityRef: 'component:default/ledger',
          uses: ['component:default/deploy-cli'],
        },
      ],
    },
    {
      teamRef: 'group:default/search-team',
      title: 'Search Team',
      consumerCount: 1,
      consumers: [
        {
          entityRef: 'component:default/search-indexer',
          title: 'Search Indexer',
          uses: ['component:default/deploy-cli'],
        },
      ],
    },
  ],
  history: [
    { day: '2025-01-01', consumerCount: 1, teamCount: 1 },
    { day: '2025-01-02', consumerCount: 3, teamCount: 2 },
  ],
};
