import express from 'express';
import Router from 'express-promise-router';

/** The plugin's HTTP API: one sub-router per capability. */
export function createRouter(routers: express.Router[]): express.Router {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));
  routers.forEach(capability => router.use(capability));
  return router;
}
