import {
  BackendFeature,
  coreServices,
  createBackendPlugin,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { RegisterCollatorParameters } from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { pages } from './__testUtils__/announcements';
import { PlatformAnnouncementDocument } from './collator/PlatformAnnouncementCollatorFactory';
import { defaultSchedule, searchModulePlatformProduct } from './module';

/** The search plugin's side of the extension point: records what modules register. */
function fakeSearchPlugin(collators: RegisterCollatorParameters[]) {
  return createBackendPlugin({
    pluginId: 'search',
    register(reg) {
      reg.registerExtensionPoint(searchIndexRegistryExtensionPoint, {
        addCollator: collator => collators.push(collator),
        addDecorator: () => {},
      });
      reg.registerInit({ deps: {}, async init() {} });
    },
  });
}

/**
 * The platform-product backend's GET /announcements, behind the real auth of the
 * test backend: only a service may call it here, as only the search plugin does.
 */
const fakePlatformProductPlugin = createBackendPlugin({
  pluginId: 'platform-product',
  register(reg) {
    reg.registerInit({
      deps: { http: coreServices.httpRouter, httpAuth: coreServices.httpAuth },
      async init({ http, httpAuth }) {
        http.use(async (req, res, next) => {
          if (req.path !== '/announcements') {
            next();
            return;
          }
          await httpAuth.credentials(req, { allow: ['service'] });
          const cursor =
            typeof req.query.cursor === 'string' ? req.query.cursor : 'first';
          res.json(pages[cursor]);
        });
      },
    });
  },
});

function schedulerCapturing(
  schedules: SchedulerServiceTaskScheduleDefinition[],
) {
  return mockServices.scheduler.mock({
    createScheduledTaskRunner: jest.fn(schedule => {
      schedules.push(schedule);
      return { run: jest.fn() };
    }),
  }).factory;
}

/**
 * The module in a test backend with the fake search plugin and these features, recording
 * the collators the module registers and the schedules it asks the scheduler for.
 */
async function startWithSearch(features: BackendFeature[]) {
  const collators: RegisterCollatorParameters[] = [];
  const schedules: SchedulerServiceTaskScheduleDefinition[] = [];
  const backend = await startTestBackend({
    features: [
      fakeSearchPlugin(collators),
      searchModulePlatformProduct,
      schedulerCapturing(schedules),
      ...features,
    ],
  });
  return { backend, collators, schedules };
}

describe('searchModulePlatformProduct', () => {
  it('registers the announcement collator, which reads the published posts from the backend', async () => {
    const { backend, collators, schedules } = await startWithSearch([
      fakePlatformProductPlugin,
    ]);

    try {
      expect(collators).toHaveLength(1);
      expect(collators[0].factory.type).toBe('platform-announcement');
      expect(schedules).toEqual([defaultSchedule]);

      const documents: PlatformAnnouncementDocument[] = [];
      for await (const document of await collators[0].factory.getCollator()) {
        documents.push(document);
      }
      expect(documents.map(document => document.title)).toEqual([
        'deploy v1 goes away',
        'Platform-wide outage resolved',
        'CLI 2.3 released',
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('takes its schedule from search.collators.platformProduct.schedule', async () => {
    const { backend, collators, schedules } = await startWithSearch([
      mockServices.rootConfig.factory({
        data: {
          search: {
            collators: {
              platformProduct: {
                schedule: {
                  frequency: { hours: 1 },
                  timeout: { minutes: 5 },
                },
              },
            },
          },
        },
      }),
    ]);
    await backend.stop();

    expect(collators).toHaveLength(1);
    expect(schedules).toEqual([
      { frequency: { hours: 1 }, timeout: { minutes: 5 } },
    ]);
  });

  it('refuses to start with a bad schedule, naming the config key', async () => {
    await expect(
      startTestBackend({
        features: [
          fakeSearchPlugin([]),
          searchModulePlatformProduct,
          mockServices.rootConfig.factory({
            data: {
              search: {
                collators: {
                  platformProduct: { schedule: { frequency: 'often' } },
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow('search.collators.platformProduct.schedule');
  });
});
