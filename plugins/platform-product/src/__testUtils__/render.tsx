import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  renderInTestApp,
  TestApiProvider,
  TestApiProviderProps,
} from '@backstage/test-utils';
import { ReactElement } from 'react';

/**
 * Renders `element` in a test app with these APIs, on the page of `entity` when one is
 * given; the catalog's entity route is mounted (for entity links), `routeEntries` as in
 * renderInTestApp.
 */
export function renderWithApis<T extends any[]>(
  element: ReactElement,
  options: {
    apis: TestApiProviderProps<T>['apis'];
    entity?: Entity;
    routeEntries?: string[];
  },
) {
  const { apis, entity, routeEntries } = options;
  return renderInTestApp(
    <TestApiProvider apis={apis}>
      {entity ? (
        <EntityProvider entity={entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries,
    },
  );
}
