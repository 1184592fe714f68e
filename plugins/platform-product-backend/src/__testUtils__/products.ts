import { Entity } from '@backstage/catalog-model';
import { JANE } from './people';

/** The products of the router tests and the parts that lead to them. */
export const X = 'platformproduct:default/x';
export const Y = 'platformproduct:default/y';
export const Z = 'platformproduct:default/z';
export const CLI = 'component:default/x-cli';
/** part of a system, not of a product */
export const LONELY = 'component:default/lonely';

/** X (PM JANE, part CLI), Y (no PM), Z (PM condy), CLI and LONELY. */
export const productEntities: Entity[] = [
  {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'x', title: 'Product X' },
    spec: {
      owner: 'group:default/platform-team',
      productManager: JANE,
      lifecycle: 'production',
      parts: [CLI],
    },
    relations: [{ type: 'hasPart', targetRef: CLI }],
  },
  {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'y' },
    spec: { owner: 'group:default/other-team', lifecycle: 'beta' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x-cli' },
    spec: {},
    relations: [{ type: 'partOf', targetRef: X }],
  },
  {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'z' },
    spec: {
      owner: 'group:default/other-team',
      productManager: 'condy',
      lifecycle: 'beta',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'lonely' },
    spec: {},
    relations: [{ type: 'partOf', targetRef: 'system:default/sys' }],
  },
];

/**
 * The adoption world: X (parts x-cli and x-api) used by checkout and search, both owned by
 * team-a ("Team A").
 */
export const adoptionEntities: Entity[] = [
  {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'x', title: 'Product X' },
    spec: {
      owner: 'group:default/platform-team',
      productManager: 'user:default/jane.doe',
      lifecycle: 'production',
      parts: ['component:default/x-cli', 'api:default/x-api'],
    },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/platform-team' },
      { type: 'hasPart', targetRef: 'component:default/x-cli' },
      { type: 'hasPart', targetRef: 'api:default/x-api' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x-cli' },
    spec: {},
    relations: [
      { type: 'partOf', targetRef: X },
      { type: 'dependencyOf', targetRef: 'component:default/checkout' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'x-api' },
    spec: {},
    relations: [
      { type: 'partOf', targetRef: X },
      { type: 'apiConsumedBy', targetRef: 'component:default/checkout' },
      { type: 'apiConsumedBy', targetRef: 'component:default/search' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', title: 'Checkout' },
    spec: {},
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'search' },
    spec: {},
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a' },
    spec: { type: 'team', profile: { displayName: 'Team A' }, children: [] },
  },
];
