import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@platform-product/plugin-platform-product-backend',
  'migrations',
);

/** Gets the plugin's database client, migrated to the latest schema unless the admin skips migrations. */
export async function getMigratedClient(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (
    ['better-sqlite3', 'sqlite3'].includes(String(client.client.config.client))
  ) {
    // the embedded SQLite file: one fsync per commit instead of several (every feedback
    // write commits), and readers do not wait for the writer; kept in the file, a no-op in memory
    await client.raw('PRAGMA journal_mode = WAL');
  }
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

export { migrationsDir };
