import { request } from '@playwright/test';

export const BACKEND = 'http://localhost:7007';

/**
 * A Backstage token from the guest sign-in the app itself uses: for the demo user the
 * `demo-user` cookie names (the backend's demo sign-in reads it), else the default one.
 */
export async function guestToken(user?: string): Promise<string> {
  const api = await request.newContext();
  const response = await api.get(`${BACKEND}/api/auth/guest/refresh`, {
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      ...(user && { Cookie: `demo-user=${user}` }),
    },
  });
  if (!response.ok()) {
    throw new Error(
      `Guest sign-in failed: ${response.status()} ${await response.text()}`,
    );
  }
  const body = await response.json();
  await api.dispose();
  return body.backstageIdentity.token;
}

/** Calls the suite's REST API (`/api/platform-product<path>`) as a demo user; throws unless 2xx. */
export async function callAs(
  user: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
) {
  const api = await request.newContext();
  const response = await api.fetch(`${BACKEND}/api/platform-product${path}`, {
    method,
    headers: { Authorization: `Bearer ${await guestToken(user)}` },
    ...(body !== undefined && { data: body }),
  });
  if (!response.ok()) {
    throw new Error(
      `${user} ${method} ${path}: ${response.status()} ${await response.text()}`,
    );
  }
  const result = response.status() === 204 ? undefined : await response.json();
  await api.dispose();
  return result;
}

/** GET a backend API path as the demo user. */
export async function backendGet(path: string, token: string) {
  const api = await request.newContext();
  const response = await api.get(`${BACKEND}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const result = { status: response.status(), body: await response.json() };
  await api.dispose();
  return result;
}
