import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  adoptionQuerySchema,
  platformProductReadPermission,
  ProductAdoption,
} from '@platform-product/plugin-platform-product-common';
import Router from 'express-promise-router';
import { authorizeOnProduct } from '../shared/authorize';
import { parseInput } from '../shared/validation';
import { AdoptionService } from './AdoptionService';
import { AdoptionSnapshotStore } from './AdoptionSnapshotStore';
import { utcDay } from './AdoptionSnapshotTask';

const HISTORY_DAYS = 90;

export function createAdoptionRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  adoption: AdoptionService;
  snapshots: AdoptionSnapshotStore;
}) {
  const { httpAuth, permissions, adoption, snapshots } = options;
  const router = Router();

  router.get('/adoption', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { productRef } = parseInput(adoptionQuerySchema, req.query);
    await authorizeOnProduct(
      permissions,
      platformProductReadPermission,
      productRef,
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
