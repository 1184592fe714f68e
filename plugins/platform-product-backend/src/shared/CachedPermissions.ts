import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  DefinitivePolicyDecision,
  PolicyDecision,
  QueryPermissionRequest,
} from '@backstage/plugin-permission-common';

const DEFAULT_TTL_MS = 5_000;
const SWEEP_INTERVAL_MS = 30_000;
/** Past this many entries the cache starts over: a bound on memory, not a tuning knob. */
const MAX_ENTRIES = 100_000;

type Entry<T> = { promise: Promise<T>; expiresAt: number };

/**
 * The permission service, with each user's decisions remembered for a few seconds (5 by
 * default, `platformProduct.permissions.decisionCacheTtl`; 0 turns it off), the way the
 * framework's own user-info service remembers a token's ownership claims.
 *
 * Every route asks the permission backend on every request: a loopback HTTP call, two token
 * checks and the policy, which cost more than the route's own work. A decision is the same for
 * the same user and permission (and resource) until the policy or the user's groups change, so
 * a change takes effect within the TTL. Decisions for services and anonymous callers are never
 * cached, and a failed call is forgotten at once.
 */
export class CachedPermissions implements PermissionsService {
  readonly #delegate: PermissionsService;
  readonly #ttlMs: number;
  readonly #authorized = new Map<string, Entry<DefinitivePolicyDecision>>();
  readonly #conditional = new Map<string, Entry<PolicyDecision>>();
  #lastSweep = Date.now();

  static fromConfig(
    config: Config,
    permissions: PermissionsService,
  ): PermissionsService {
    const key = 'platformProduct.permissions.decisionCacheTtl';
    const ttlMs = config.has(key)
      ? durationToMilliseconds(readDurationFromConfig(config, { key }))
      : DEFAULT_TTL_MS;
    return ttlMs > 0 ? new CachedPermissions(permissions, ttlMs) : permissions;
  }

  constructor(delegate: PermissionsService, ttlMs = DEFAULT_TTL_MS) {
    this.#delegate = delegate;
    this.#ttlMs = ttlMs;
  }

  authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    return this.#cached(
      this.#authorized,
      requests,
      r => `${r.permission.name}\0${r.resourceRef ?? ''}`,
      options,
      missing => this.#delegate.authorize(missing, options),
    );
  }

  authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<PolicyDecision[]> {
    return this.#cached(
      this.#conditional,
      requests,
      r => r.permission.name,
      options,
      missing => this.#delegate.authorizeConditional(missing, options),
    );
  }

  async #cached<R, D>(
    entries: Map<string, Entry<D>>,
    requests: R[],
    keyOf: (request: R) => string,
    options: PermissionsServiceRequestOptions,
    ask: (missing: R[]) => Promise<D[]>,
  ): Promise<D[]> {
    const user = userOf(options.credentials);
    if (!user) return ask(requests);
    const now = Date.now();
    this.#sweep(now);

    const keys = requests.map(r => `${user}\0${keyOf(r)}`);
    const missing = new Map<string, R>();
    keys.forEach((key, i) => {
      const hit = entries.get(key);
      if (!(hit && hit.expiresAt > now) && !missing.has(key)) {
        missing.set(key, requests[i]);
      }
    });
    if (missing.size) {
      const asked = ask([...missing.values()]);
      const expiresAt = now + this.#ttlMs;
      [...missing.keys()].forEach((key, i) => {
        const promise = asked.then(decisions => decisions[i]);
        promise.catch(() => {
          if (entries.get(key)?.promise === promise) entries.delete(key);
        });
        entries.set(key, { promise, expiresAt });
      });
    }
    return Promise.all(keys.map(key => entries.get(key)!.promise));
  }

  #sweep(now: number) {
    const size = this.#authorized.size + this.#conditional.size;
    if (size > MAX_ENTRIES) {
      this.#authorized.clear();
      this.#conditional.clear();
    }
    if (now - this.#lastSweep < SWEEP_INTERVAL_MS) return;
    this.#lastSweep = now;
    for (const entries of [this.#authorized, this.#conditional]) {
      for (const [key, entry] of entries as Map<string, Entry<unknown>>) {
        if (entry.expiresAt <= now) entries.delete(key);
      }
    }
  }
}

/** The cache key of a user caller (and of a service acting for one); undefined otherwise. */
function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as Partial<BackstageUserPrincipal>;
  if (principal.type !== 'user' || !principal.userEntityRef) return undefined;
  const actor = principal.actor?.subject;
  return actor
    ? `${principal.userEntityRef}\0${actor}`
    : principal.userEntityRef;
}
