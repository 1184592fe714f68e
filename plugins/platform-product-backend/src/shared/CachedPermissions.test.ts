import { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { CachedPermissions } from './CachedPermissions';

const read = createPermission({
  name: 'test.read',
  attributes: { action: 'read' },
  resourceType: 'platform-product',
});
const edit = createPermission({
  name: 'test.edit',
  attributes: { action: 'update' },
  resourceType: 'platform-product',
});

function nameOf(principal: unknown) {
  const p = principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return p.userEntityRef ?? p.subject ?? p.type;
}

describe('CachedPermissions', () => {
  let asked: Array<{ user: string; names: string[] }>;
  let allowed: Set<string>;
  let fail: boolean;
  const delegate: PermissionsService = {
    authorize: async (requests, { credentials }) => {
      const user = nameOf(credentials.principal);
      asked.push({
        user,
        names: requests.map(r => `${r.permission.name}@${r.resourceRef}`),
      });
      if (fail) throw new Error('permission backend down');
      return requests.map(r => ({
        result: allowed.has(`${user} ${r.permission.name}`)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      }));
    },
    authorizeConditional: async (requests, { credentials }) => {
      const user = nameOf(credentials.principal);
      asked.push({ user, names: requests.map(r => r.permission.name) });
      if (fail) throw new Error('permission backend down');
      return requests.map(r => ({
        result: allowed.has(`${user} ${r.permission.name}`)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      }));
    },
  };
  const alice = mockCredentials.user('user:default/alice');
  const bob = mockCredentials.user('user:default/bob');
  let now: number;

  beforeEach(() => {
    asked = [];
    allowed = new Set([`user:default/alice test.read`]);
    fail = false;
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it("remembers a user's decisions for the TTL, then asks again", async () => {
    const permissions = new CachedPermissions(delegate, 5_000);
    const ask = () =>
      permissions.authorizeConditional([{ permission: read }], {
        credentials: alice,
      });
    expect((await ask())[0].result).toBe(AuthorizeResult.ALLOW);
    allowed.clear(); // a policy change
    now += 4_999;
    expect((await ask())[0].result).toBe(AuthorizeResult.ALLOW);
    expect(asked).toHaveLength(1);
    now += 2;
    expect((await ask())[0].result).toBe(AuthorizeResult.DENY);
    expect(asked).toHaveLength(2);
  });

  it('keeps users, permissions and resources apart, and asks only for what it lacks', async () => {
    const permissions = new CachedPermissions(delegate, 5_000);
    await permissions.authorize(
      [{ permission: read, resourceRef: 'platformproduct:default/a' }],
      { credentials: alice },
    );
    const decisions = await permissions.authorize(
      [
        { permission: read, resourceRef: 'platformproduct:default/a' },
        { permission: read, resourceRef: 'platformproduct:default/b' },
        { permission: edit, resourceRef: 'platformproduct:default/a' },
      ],
      { credentials: alice },
    );
    expect(decisions.map(d => d.result)).toEqual([
      AuthorizeResult.ALLOW,
      AuthorizeResult.ALLOW,
      AuthorizeResult.DENY,
    ]);
    const [bobs] = await permissions.authorize(
      [{ permission: read, resourceRef: 'platformproduct:default/a' }],
      { credentials: bob },
    );
    expect(bobs.result).toBe(AuthorizeResult.DENY);
    expect(asked.map(a => `${a.user}: ${a.names.join(', ')}`)).toEqual([
      'user:default/alice: test.read@platformproduct:default/a',
      'user:default/alice: test.read@platformproduct:default/b, test.edit@platformproduct:default/a',
      'user:default/bob: test.read@platformproduct:default/a',
    ]);
  });

  it('asks once for concurrent identical requests', async () => {
    const permissions = new CachedPermissions(delegate, 5_000);
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        permissions.authorizeConditional([{ permission: read }], {
          credentials: alice,
        }),
      ),
    );
    expect(results.map(([d]) => d.result)).toEqual([
      AuthorizeResult.ALLOW,
      AuthorizeResult.ALLOW,
      AuthorizeResult.ALLOW,
    ]);
    expect(asked).toHaveLength(1);
  });

  it('forgets a failed call at once', async () => {
    const permissions = new CachedPermissions(delegate, 5_000);
    const ask = () =>
      permissions.authorizeConditional([{ permission: read }], {
        credentials: alice,
      });
    fail = true;
    await expect(ask()).rejects.toThrow('permission backend down');
    fail = false;
    expect((await ask())[0].result).toBe(AuthorizeResult.ALLOW);
    expect(asked).toHaveLength(2);
  });

  it('never caches services or anonymous callers', async () => {
    const permissions = new CachedPermissions(delegate, 5_000);
    for (const credentials of [
      mockCredentials.service('plugin:search'),
      mockCredentials.service('plugin:search'),
      mockCredentials.none(),
      mockCredentials.none(),
    ]) {
      await permissions.authorizeConditional([{ permission: read }], {
        credentials,
      });
    }
    expect(asked).toHaveLength(4);
  });

  it('is off with a TTL of 0 in config, on for 5 seconds by default', async () => {
    const off = CachedPermissions.fromConfig(
      new ConfigReader({
        platformProduct: { permissions: { decisionCacheTtl: { seconds: 0 } } },
      }),
      delegate,
    );
    expect(off).toBe(delegate);
    const byDefault = CachedPermissions.fromConfig(
      new ConfigReader({}),
      delegate,
    );
    for (const step of [0, 4_999, 2]) {
      now += step;
      await byDefault.authorizeConditional([{ permission: read }], {
        credentials: alice,
      });
    }
    expect(asked).toHaveLength(2);
  });
});
