import express from 'express';
import type { createRouter } from '../router';

/** Each router the plugin made, in order, once a test file mocks './router' with `captureRouter`. */
export const capturedRouters: express.Router[] = [];

/**
 * The plugin's real router module, whose `createRouter` also keeps each router it makes in
 * `capturedRouters`, so a test can list the routes the plugin serves. jest.mock is hoisted per
 * file, so each test file keeps its own one-line factory:
 * `jest.mock('./router', () => require('./__testUtils__/captureRouter').captureRouter());`
 */
export function captureRouter() {
  const actual: { createRouter: typeof createRouter } =
    jest.requireActual('../router');
  return {
    ...actual,
    createRouter: (...args: Parameters<typeof createRouter>) => {
      const router = actual.createRouter(...args);
      capturedRouters.push(router);
      return router;
    },
  };
}
