import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionBackend from '@backstage/plugin-permission-backend';
import platformProductBackend from '@platform-product/plugin-platform-product-backend';
import { AddressInfo } from 'node:net';
import onCallCheck from './onCallCheckModule';
import demoPolicy from './permissionPolicy';

jest.setTimeout(60_000);

const X = 'platformproduct:default/x';
const JANE = 'user:default/jane'; // PM of X
const OWEN = 'user:default/owen'; // in X's owning team
const ALICE = 'user:default/alice';
const ROOT = 'user:default/root'; // in the admins group

const ownership: Record<string, string[]> = {
  [JANE]: [JANE],
  [OWEN]: [OWEN, 'group:default/platform-team'],
  [ALICE]: [ALICE, 'group:default/team-a'],
  [ROOT]: [ROOT, 'group:default/admins'],
};

const entities = [
  {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'x', title: 'Product X' },
    spec: {
      owner: 'group:default/platform-team',
      productManager: JANE,
      lifecycle: 'production',
    },
  },
];

/**
 * The mock auth service, except that a token made on behalf of a user names the plugin
 * that made it as the actor, as real tokens do: the permission backend's calls to a
 * plugin's apply-conditions endpoint are refused without one.
 */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: (token, options) => auth.authenticate(token, options),
      getNoneCredentials: () => auth.getNoneCredentials(),
      getOwnServiceCredentials: () => auth.getOwnServiceCredentials(),
      isPrincipal: auth.isPrincipal.bind(auth) as AuthService['isPrincipal'],
      getLimitedUserToken: credentials => auth.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => auth.listPublicServiceKeys(),
      async getPluginRequestToken(options) {
        const { principal } = options.onBehalfOf;
        if (auth.isPrincipal(options.onBehalfOf, 'user')) {
          return {
            token: mockCredentials.user.token(
              (principal as { userEntityRef: string }).userEntityRef,
              { actor: { subject: `plugin:${plugin.getId()}` } },
            ),
          };
        }
        return auth.getPluginRequestToken(options);
      },
    };
  },
});

/**
 * The demo policy behind the real permission backend: its conditional decisions for
 * the product team are resolved by the plugin's rules against the product entity.
 */
describe('demo policy with the permission backend', () => {
  let baseUrl: string;

  beforeAll(async () => {
    const { server } = await startTestBackend({
      features: [
        permissionBackend,
        demoPolicy,
        platformProductBackend,
        onCallCheck,
        catalogServiceMock.factory({ entities }),
        permissionsServiceFactory,
        authWithActors,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            platformProduct: { feedback: { authorSecret: 'test secret' } },
          },
        }),
        createServiceFactory({
          service: coreServices.userInfo,
          deps: {},
          factory: () => ({
            getUserInfo: async (credentials: BackstageCredentials) => {
              const userEntityRef = (
                credentials.principal as { userEntityRef: string }
              ).userEntityRef;
              return {
                userEntityRef,
                ownershipEntityRefs: ownership[userEntityRef] ?? [],
              };
            },
          }),
        }),
      ],
    });
    baseUrl = `http://localhost:${
      (server.address() as AddressInfo).port
    }/api/platform-product`;
  });

  const post = (user: string, body: object) =>
    fetch(`${baseUrl}/announcements`, {
      method: 'POST',
      headers: {
        authorization: mockCredentials.user.header(user),
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        type: 'release',
        title: 'Version 2',
        summary: 'Faster',
        body: 'Details',
        ...body,
      }),
    });

  it.each([
    ['the PM', JANE, 201],
    ['a member of the owning team', OWEN, 201],
    ['anyone else', ALICE, 403],
  ])(
    "answers %s posting for the product with %i, by the plugin's rules",
    async (_, user, status) => {
      const response = await post(user, { productRef: X });
      expect(response.status).toBe(status);
    },
  );

  it.each([
    ['the admins', ROOT, 201],
    ['the PM', JANE, 403],
  ])(
    'answers %s posting a global announcement with %i',
    async (_, user, status) => {
      const response = await post(user, {});
      expect(response.status).toBe(status);
    },
  );

  it.each([
    ['the PM', JANE, 201],
    ['a member of the owning team', OWEN, 201],
    ['anyone else', ALICE, 403],
  ])(
    "answers %s adding a roadmap item to the product with %i, by the plugin's rules",
    async (_, user, status) => {
      const response = await fetch(`${baseUrl}/roadmap/items`, {
        method: 'POST',
        headers: {
          authorization: mockCredentials.user.header(user),
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          productRef: X,
          title: 'Canary',
          horizon: 'now',
        }),
      });
      expect(response.status).toBe(status);
    },
  );

  const refresh = (user: string) =>
    fetch(`${baseUrl}/scorecards/refresh`, {
      method: 'POST',
      headers: {
        authorization: mockCredentials.user.header(user),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ productRef: X }),
    });

  it.each([
    ['the PM', JANE],
    ['a member of the owning team', OWEN],
  ])(
    "lets %s refresh the product's scorecard, by the plugin's rules, with the demo's custom check",
    async (_, user) => {
      const response = await refresh(user);
      expect(response.status).toBe(200);
      const { checks } = await response.json();
      expect(checks).toContainEqual(
        expect.objectContaining({ id: 'on-call-rota', status: 'fail' }),
      );
    },
  );

  it("refuses anyone else a refresh of the product's scorecard", async () => {
    const response = await refresh(ALICE);
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toBe(
      "You are not allowed to update 'platformproduct:default/x' (platform-product.scorecard.refresh)",
    );
  });
});
