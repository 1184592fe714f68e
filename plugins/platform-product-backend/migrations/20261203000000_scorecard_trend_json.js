// @ts-check

/**
 * The trend kept on each product's row (`scorecard_products.score_trend`) becomes the portfolio's
 * answer as is: the JSON of `{ from, scores }` (`scores[i]` the score of the day `from` + i, null
 * on a day without a snapshot) instead of `2026-03-01=80,2026-03-02=85`, so that the portfolio
 * of 1,000 products parses one short JSON text per product instead of building 30,000 points
 * (issue 13). Rewrites the stored rows; down writes them back.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const dayMs = (/** @type {string} */ day) => Date.parse(`${day}T00:00:00Z`);
const utcDay = (/** @type {number} */ ms) =>
  new Date(ms).toISOString().slice(0, 10);

/** `2026-03-01=80,2026-03-03=85` -> `{"from":"2026-03-01","scores":[80,null,85]}` */
function toJson(/** @type {string} */ text, /** @type {number} */ evaluatedAt) {
  if (!text) return JSON.stringify({ from: utcDay(evaluatedAt), scores: [] });
  const points = text.split(',').map(point => point.split('='));
  const start = dayMs(points[0][0]);
  /** @type {Array<number | null>} */
  const scores = [];
  for (const [day, score] of points) {
    const index = Math.round((dayMs(day) - start) / DAY_MS);
    while (scores.length < index) scores.push(null);
    scores[index] = Number(score);
  }
  return JSON.stringify({ from: points[0][0], scores });
}

/** The JSON back to `2026-03-01=80,2026-03-03=85`. */
function toText(/** @type {string} */ json) {
  const { from, scores } = JSON.parse(json);
  const start = dayMs(from);
  return scores
    .map((/** @type {number | null} */ score, /** @type {number} */ i) =>
      score === null ? null : `${utcDay(start + i * DAY_MS)}=${score}`,
    )
    .filter(Boolean)
    .join(',');
}

/**
 * @param {import('knex').Knex} knex
 * @param {(row: { score_trend: string, evaluated_at: number | string }) => string} convert
 */
async function rewrite(knex, convert) {
  await knex.transaction(async tx => {
    const rows = await tx('scorecard_products').select(
      'product_ref',
      'score_trend',
      'evaluated_at',
    );
    for (const row of rows) {
      await tx('scorecard_products')
        .where('product_ref', row.product_ref)
        .update({ score_trend: convert(row) });
    }
  });
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await rewrite(knex, row => toJson(row.score_trend, Number(row.evaluated_at)));
  await comment(
    knex,
    'the scores of the 30 days up to the evaluation, oldest first, as the API sends them: {"from":"2026-03-01","scores":[80,null,85]}',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await rewrite(knex, row => toText(row.score_trend));
  await comment(
    knex,
    'the snapshots of the 30 days up to the evaluation, oldest first: 2026-03-01=80,2026-03-02=85',
  );
};

/** The column's comment (PostgreSQL keeps comments; SQLite has none). */
async function comment(
  /** @type {import('knex').Knex} */ knex,
  /** @type {string} */ text,
) {
  if (knex.client.config.client !== 'pg') return;
  // a constant of this file; COMMENT takes no bound parameter
  await knex.raw(
    `comment on column scorecard_products.score_trend is '${text.replace(
      /'/g,
      "''",
    )}'`,
  );
}
