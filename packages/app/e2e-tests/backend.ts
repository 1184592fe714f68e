import { request } from '@playwright/test';

export const BACKEND = 'http://localhost:7007';

/** A Backstage token for the demo user, from the guest sign-in the app itself uses. */
export async function guestToken(): Promise<string> {
  const api = await request.newContext();
  const response = await api.get(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
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
