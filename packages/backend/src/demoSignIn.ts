import { createBackendModule } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** The cookie the demo's sign-in page sets to the chosen demo user's name. */
export const DEMO_USER_COOKIE = 'demo-user';

/** Reads the demo user's name from a Cookie header; undefined when absent or not a plain user name. */
export function demoUserFromCookie(cookieHeader: string | undefined) {
  const value = cookieHeader
    ?.split(';')
    .map(part => part.trim())
    .find(part => part.startsWith(`${DEMO_USER_COOKIE}=`))
    ?.slice(DEMO_USER_COOKIE.length + 1);
  const name = value ? decodeURIComponent(value) : undefined;
  return name && /^[a-z0-9][a-z0-9._-]{0,62}$/.test(name) ? name : undefined;
}

const demoUserAuthenticator = createProxyAuthenticator({
  // the profile (name, email, picture) the settings page and sidebar show, from the catalog
  defaultProfileTransform: async (result: { userEntityRef: string }, ctx) => {
    try {
      const { entity } = await ctx.findCatalogUser({
        entityRef: result.userEntityRef,
      });
      const profile = (entity.spec?.profile ?? {}) as {
        displayName?: string;
        email?: string;
        picture?: string;
      };
      return { profile };
    } catch {
      return { profile: {} };
    }
  },
  initialize({ config }) {
    return {
      allowed:
        process.env.NODE_ENV === 'development' ||
        config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') ===
          true,
      defaultUser: config.getString('userEntityRef'),
    };
  },
  async authenticate({ req }, { allowed, defaultUser }) {
    if (!allowed) {
      throw new NotAllowedError(
        'The demo sign-in is for development only; set auth.providers.guest.dangerouslyAllowOutsideDevelopment to use it elsewhere',
      );
    }
    const name = demoUserFromCookie(req.headers.cookie);
    return {
      result: { userEntityRef: name ? `user:default/${name}` : defaultUser },
    };
  },
});

/**
 * The demo's sign-in, in place of the guest provider and under its id: whoever the
 * `demo-user` cookie names (one of the demo catalog's users), Jane Doe by default.
 * It lets the demo and its browser tests act as a developer and as a PM. Never install
 * this in a real Backstage.
 */
export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-sign-in',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'guest',
          factory: createProxyAuthProviderFactory({
            authenticator: demoUserAuthenticator,
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({ entityRef: result.userEntityRef }),
          }),
        });
      },
    });
  },
});
