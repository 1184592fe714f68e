/*
 * Recounts every aggregate of the plugin's database from its rows and prints the result as
 * JSON: node --require <the CLI's TypeScript hook> reliability/recount.ts <database url> <author secret>
 * (run.mjs does this after each scenario).
 */
import knexFactory from 'knex';
import { AuthorIdentity } from '../plugins/platform-product-backend/src/feedback/AuthorIdentity';
import { recountAggregates } from '../plugins/platform-product-backend/src/__testUtils__/recount';

async function main() {
  const [url, secret] = process.argv.slice(2);
  const db = knexFactory({ client: 'pg', connection: url });
  try {
    const identity = new AuthorIdentity(secret);
    const result = await recountAggregates(db, ref => identity.hash(ref));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
