import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { requestContexts } from '../shared/requestContext';
import { refuseImpossibleIds } from '../shared/validation';
import { AnnouncementFeeds } from './AnnouncementFeeds';
import { AnnouncementReaders } from './AnnouncementReaders';
import { AnnouncementService } from './AnnouncementService';

export function createAnnouncementsRouter(options: {
  httpAuth: HttpAuthService;
  announcements: AnnouncementService;
  readers: AnnouncementReaders;
  feeds: AnnouncementFeeds;
}) {
  const { httpAuth, announcements, readers, feeds } = options;
  const router = Router();
  refuseImpossibleIds(router, { id: 'announcement' });

  // writes, marks and reach are a person's (user); reads are open to other plugins too
  // (anyone: the search collator lists published posts)
  const { user, anyone } = requestContexts(httpAuth);

  router.post('/announcements', async (req, res) => {
    res.status(201).json(await announcements.create(req.body, await user(req)));
  });

  router.get('/announcements', async (req, res) => {
    res.json(await announcements.list(req.query, await anyone(req)));
  });

  router.get('/announcements/feed', async (req, res) => {
    // a tab or feed reader sends the user cookie (limited access: enough to read)
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
      allowLimitedAccess: true,
    });
    const xml = await feeds.feed(req.query, {
      credentials,
      request: req,
    });
    res.status(200).type('application/atom+xml; charset=utf-8').send(xml);
  });

  router.get('/announcements/banners', async (req, res) => {
    res.json(await announcements.banners(req.query, await anyone(req)));
  });

  router.get('/announcements/:id', async (req, res) => {
    res.json(await announcements.get(req.params.id, await anyone(req)));
  });

  router.patch('/announcements/:id', async (req, res) => {
    res.json(
      await announcements.update(req.params.id, req.body, await user(req)),
    );
  });

  router.delete('/announcements/:id', async (req, res) => {
    await announcements.delete(req.params.id, await user(req));
    res.status(204).end();
  });

  router.put('/announcements/:id/read', async (req, res) => {
    res.json(await readers.markRead(req.params.id, await user(req)));
  });

  router.put('/announcements/:id/acknowledgement', async (req, res) => {
    res.json(await readers.acknowledge(req.params.id, await user(req)));
  });

  router.put('/announcements/:id/dismissal', async (req, res) => {
    await readers.dismiss(req.params.id, await user(req));
    res.status(204).end();
  });

  router.get('/announcements/:id/reach', async (req, res) => {
    res.json(await announcements.reach(req.params.id, await user(req)));
  });

  router.get('/announcements/:id/event.ics', async (req, res) => {
    const ics = await feeds.eventIcs(req.params.id, await anyone(req));
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .attachment('event.ics')
      .send(ics);
  });

  router.get('/follows', async (req, res) => {
    res.json(await readers.followState(req.query, await anyone(req)));
  });

  router.put('/follows', async (req, res) => {
    res.json(await readers.follow(req.query, await user(req)));
  });

  router.delete('/follows', async (req, res) => {
    res.json(await readers.unfollow(req.query, await user(req)));
  });

  return router;
}
