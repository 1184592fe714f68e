import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { requestContexts } from '../shared/requestContext';
import { refuseImpossibleIds } from '../shared/validation';
import { RoadmapService } from './RoadmapService';

export function createRoadmapRouter(options: {
  httpAuth: HttpAuthService;
  roadmap: RoadmapService;
}) {
  const { httpAuth, roadmap } = options;
  const router = Router();
  refuseImpossibleIds(router, {
    id: 'roadmap item',
    feedbackId: 'feedback post',
  });
  // writes are the product team's, as people; reads are open to other plugins too (scorecards
  // read lastUpdatedAt)
  const { user, anyone } = requestContexts(httpAuth);

  router.get('/roadmap', async (req, res) => {
    res.json(await roadmap.roadmap(req.query, await anyone(req)));
  });

  router.post('/roadmap/items', async (req, res) => {
    res.status(201).json(await roadmap.create(req.body, await user(req)));
  });

  router.patch('/roadmap/items/:id', async (req, res) => {
    res.json(await roadmap.update(req.params.id, req.body, await user(req)));
  });

  router.delete('/roadmap/items/:id', async (req, res) => {
    await roadmap.delete(req.params.id, await user(req));
    res.status(204).end();
  });

  router.put('/roadmap/items/:id/links/:feedbackId', async (req, res) => {
    res.json(
      await roadmap.link(req.params.id, req.params.feedbackId, await user(req)),
    );
  });

  router.delete('/roadmap/items/:id/links/:feedbackId', async (req, res) => {
    res.json(
      await roadmap.unlink(
        req.params.id,
        req.params.feedbackId,
        await user(req),
      ),
    );
  });

  router.get('/roadmap/items/:id/history', async (req, res) => {
    res.json(await roadmap.history(req.params.id, await anyone(req)));
  });

  return router;
}
