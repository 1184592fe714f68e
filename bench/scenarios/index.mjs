/**
 * The scenario registry. A later issue adds its scenario by writing scenarios/<name>.mjs and
 * listing it here (see bench/README.md, "Adding a scenario").
 *
 * @typedef {object} Scenario
 * @property {string} name              short id, used by --scenario and in the results
 * @property {string} [group]           --scenario <group> selects every scenario of the group
 * @property {string} [readyPath]       GET path the harness waits on (2xx) before prepare, when the
 *                                      route itself only answers once seeded
 * @property {string} description
 * @property {() => object[]} entities  catalog entities the scenario needs (merged into one seed;
 *                                      the same ref from two scenarios must be the same entity)
 * @property {{ method: 'GET'|'POST'|'PUT'|'PATCH'|'DELETE', path: string, body?: unknown,
 *              headers?: Record<string, string> }} request
 *                                      the measured route, called with the bench user's token (and
 *                                      these headers: `accept-encoding: gzip` as a browser sends it)
 * @property {(ctx: object) => Promise<unknown>} [prepare]  optional: write the scenario's own data
 *                                      once the catalog is ready (ctx: baseUrl, token, userToken(name), fetchJson, engine,
 *                                      pluginDb (lib/rawdb.mjs openPluginDb), log); what it returns is
 *                                      kept in the results. The route must answer 2xx before, check() after.
 * @property {{ amount?: number, requests?: object[], minDurationSec?: Record<string, number> }} [load]
 *                                      optional: a fixed number of requests per measured run instead
 *                                      of a fixed time; requests cycled in turn (a request with next() gets its headers and body from it); a longer window on an
 *                                      engine (minDurationSec: { sqlite: 60 }) for slow routes
 * @property {(ctx: object) => Promise<object>} [measure]  optional: times its own runs instead of the
 *                                      load (ctx as prepare, plus catalogDb, openDb(pluginId),
 *                                      otherCores(fn)); returns rows ({ route, raw, ... } as summarize
 *                                      gives them), `custom: true` and `lines` to print
 * @property {(body: unknown) => string[]} check         problems with the route's answer ([] = ready)
 * @property {{ floor: (q: Function) => () => Promise<unknown>,
 *              diagnostics?: Record<string, (q: Function) => () => Promise<unknown>>,
 *              checkRaw?: (result: unknown) => string[], db?: 'catalog'|'plugin' }} raw
 *                                      the raw-query floor: given q(sql, params) against the
 *                                      catalog's database (see lib/rawdb.mjs), returns one iteration;
 *                                      with db: 'plugin', q (and the db as 2nd argument) is the plugin's
 */
import adoption from './adoption.mjs';
import {
  feedbackWrite,
  feedbackStats,
  feedbackStatsBig,
  feedbackList,
} from './feedback.mjs';
import { announcementScenarios } from './announcements.mjs';
import { roadmapScenarios } from './roadmap.mjs';
import { scorecardScenarios } from './scorecards.mjs';

/** @type {Scenario[]} */
export const scenarios = [
  adoption,
  feedbackWrite,
  feedbackStats,
  feedbackStatsBig,
  feedbackList,
  ...announcementScenarios,
  ...roadmapScenarios,
  ...scorecardScenarios,
];
