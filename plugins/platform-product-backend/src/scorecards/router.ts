import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { utcDay } from '../shared/clock';
import { requestContexts } from '../shared/requestContext';
import { ScorecardService } from './ScorecardService';

export function createScorecardsRouter(options: {
  httpAuth: HttpAuthService;
  scorecards: ScorecardService;
}) {
  const { httpAuth, scorecards } = options;
  const router = Router();
  // a refresh is the product team's, as people; reads are open to other plugins too
  const { user, anyone } = requestContexts(httpAuth);

  router.get('/scorecards', async (req, res) => {
    res.json(await scorecards.getScorecard(req.query, await anyone(req)));
  });

  router.get('/scorecards/history', async (req, res) => {
    res.json(await scorecards.getHistory(req.query, await anyone(req)));
  });

  router.post('/scorecards/refresh', async (req, res) => {
    res.json(await scorecards.refresh(req.body, await user(req)));
  });

  router.get('/portfolio', async (req, res) => {
    // pre-serialized JSON (the stored trends spliced in); compressed as every answer is
    const body = await scorecards.getPortfolioJson(
      req.query,
      await anyone(req),
    );
    res.status(200).type('application/json; charset=utf-8').send(body);
  });

  router.get('/portfolio/export', async (req, res) => {
    const csv = await scorecards.exportPortfolio(req.query, await anyone(req));
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .attachment(`platform-portfolio-${utcDay(Date.now())}.csv`)
      .send(csv);
  });

  return router;
}
