import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Request } from 'express';
import { RequestContext } from './caller';

/**
 * How a router turns a request into the context its services take: `user` for what only a
 * signed-in user may do, `anyone` for what other plugins (services) may call too.
 */
export function requestContexts(httpAuth: HttpAuthService) {
  return {
    user: async (request: Request): Promise<RequestContext> => ({
      credentials: await httpAuth.credentials(request, { allow: ['user'] }),
      request,
    }),
    anyone: async (request: Request): Promise<RequestContext> => ({
      credentials: await httpAuth.credentials(request, {
        allow: ['user', 'service'],
      }),
      request,
    }),
  };
}
