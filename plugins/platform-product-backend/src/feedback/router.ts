import { HttpAuthService } from '@backstage/backend-plugin-api';
import { serializeError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { requestContexts } from '../shared/requestContext';
import { refuseImpossibleIds } from '../shared/validation';
import { FeedbackLimitError, FeedbackService } from './FeedbackService';

export function createFeedbackRouter(options: {
  httpAuth: HttpAuthService;
  feedback: FeedbackService;
}) {
  const { httpAuth, feedback } = options;
  const router = Router();
  refuseImpossibleIds(router, { id: 'feedback post', replyId: 'reply' });

  // mutations need a signed-in user (feedback, votes and replies are a person's); reads are
  // open to other plugins too (scorecards read the stats)
  const { user, anyone } = requestContexts(httpAuth);

  router.post('/feedback', async (req, res) => {
    res.status(201).json(await feedback.create(req.body, await user(req)));
  });

  router.get('/feedback', async (req, res) => {
    res.json(await feedback.list(req.query, await anyone(req)));
  });

  router.get('/feedback/stats', async (req, res) => {
    res.json(await feedback.stats(req.query, await anyone(req)));
  });

  router.get('/feedback/export', async (req, res) => {
    const csv = await feedback.exportCsv(req.query, await anyone(req));
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .attachment('feedback.csv')
      .send(csv);
  });

  router.get('/feedback/:id', async (req, res) => {
    res.json(await feedback.get(req.params.id, await anyone(req)));
  });

  router.patch('/feedback/:id', async (req, res) => {
    res.json(await feedback.update(req.params.id, req.body, await user(req)));
  });

  router.delete('/feedback/:id', async (req, res) => {
    await feedback.deletePost(req.params.id, await user(req));
    res.status(204).end();
  });

  router.post('/feedback/:id/replies', async (req, res) => {
    res
      .status(201)
      .json(await feedback.reply(req.params.id, req.body, await user(req)));
  });

  router.delete('/feedback/:id/replies/:replyId', async (req, res) => {
    await feedback.deleteReply(
      req.params.id,
      req.params.replyId,
      await user(req),
    );
    res.status(204).end();
  });

  router.put('/feedback/:id/vote', async (req, res) => {
    res.json(await feedback.vote(req.params.id, await user(req)));
  });

  router.delete('/feedback/:id/vote', async (req, res) => {
    res.json(await feedback.unvote(req.params.id, await user(req)));
  });

  router.use(
    (
      error: Error,
      req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (!(error instanceof FeedbackLimitError)) {
        next(error);
        return;
      }
      res.status(429).json({
        error: serializeError(error),
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: 429 },
      });
    },
  );

  return router;
}
