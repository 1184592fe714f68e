import { backendGet, guestToken } from './backend';

/**
 * The catalog ingests the demo YAML in the background after the backend starts.
 * Wait until the products and their relations are there, so tests see a settled catalog.
 */
export default async function globalSetup() {
  const deadline = Date.now() + 240_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const token = await guestToken();
      const adoption = await backendGet(
        '/api/platform-product/adoption?productRef=platformproduct:default/deployment-platform',
        token,
      );
      const managed = await backendGet(
        '/api/catalog/entities/by-query?filter=kind=platformproduct,relations.productManagedBy=user:default/jane.doe&limit=1',
        token,
      );
      last = `adoption ${adoption.status} teams=${adoption.body?.teamCount}, managed=${managed.body?.totalItems}`;
      if (
        adoption.status === 200 &&
        adoption.body.teamCount > 0 &&
        managed.body.totalItems >= 2
      ) {
        return;
      }
    } catch (error) {
      last = String(error);
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  throw new Error(`The demo catalog was not ready in time: ${last}`);
}
