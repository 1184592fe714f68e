import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  adoptionQuerySchema,
  platformProductReadPermission,
  ProductAdoption,
} from '@platform-product/plugin-platform-product-common';
import Router from 'express-promise-router';
import { AuthorizeDeps, requireOnProduct } from '../shared/authorize';
import { parseInput } from '../shared/validation';
import { AdoptionService } from './AdoptionService';
import { AdoptionSnapshotStore } from './AdoptionSnapshotStore';
import { utcDay } from './AdoptionSnapshotTask';

const HISTORY_DAYS = 90;

export function createAdoptionRouter(options: {
  httpAuth: HttpAuthService;
  /** the one permission path: conditions evaluated here on the cached product */
  access: AuthorizeDeps;
  adoption: AdoptionService;
  snapshots: AdoptionSnapshotStore;
}) {
  const { httpAuth, access, adoption, snapshots } = options;
  const router = Router();

  router.get('/adoption', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { productRef } = parseInput(adoptionQuerySchema, req.query);
    // 404 for what is no product before any permission check, as every route answers
    await access.products.existing(productRef);
    await requireOnProduct(
      access,
      productRef,
      platformProductReadPermission,
      credentials,
    );
    const now = new Date();
    const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
    const [current, past] = await Promise.all([
      adoption.getAdoption(productRef, credentials),
      snapshots.list(productRef, utcDay(since)),
    ]);
    const today = utcDay(now);
    const body: ProductAdoption = {
      ...current,
      history: [
        ...past
          .filter(point => point.day !== today)
          .map(({ day, consumerCount, teamCount }) => ({
            day,
            consumerCount,
            teamCount,
          })),
        {
          day: today,
          consumerCount: current.consumerCount,
          teamCount: current.teamCount,
        },
      ],
    };
    res.json(body);
  });

  return router;
}
