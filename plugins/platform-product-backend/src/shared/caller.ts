import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { Request } from 'express';

/** Who is asking, and where: the request goes to the auditor. */
export interface RequestContext {
  credentials: BackstageCredentials;
  request?: Request;
}

/**
 * Entity refs are compared and stored lower-cased. (`toLowerCase` is what
 * `toLocaleLowerCase('en-US')` does, as en-US has no casing rules of its own, at a fraction
 * of the cost: it runs several times per request.)
 */
export const lower = (ref: string) => ref.toLowerCase();

/**
 * The signed-in user's entity ref, straight from their verified credentials (no round trip
 * to the user-info service, which only adds ownership refs these checks don't need);
 * undefined for a service or an anonymous caller.
 */
export function userRefOf(
  credentials: BackstageCredentials,
): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
  };
  return principal.type === 'user' && principal.userEntityRef
    ? lower(principal.userEntityRef)
    : undefined;
}

/** The signed-in user's entity ref; a 403 for anyone else. */
export function requireUser(credentials: BackstageCredentials): string {
  const ref = userRefOf(credentials);
  if (!ref) throw new NotAllowedError('Only a signed-in user can do this');
  return ref;
}
