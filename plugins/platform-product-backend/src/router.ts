import express from 'express';
import Router from 'express-promise-router';
import { databaseUnavailableAs503 } from './shared/databaseErrors';

/** The plugin's HTTP API: one sub-router per capability; a database that is away is a 503. */
export function createRouter(routers: express.Router[]): express.Router {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));
  routers.forEach(capability => router.use(capability));
  router.use(databaseUnavailableAs503);
  return router;
}
