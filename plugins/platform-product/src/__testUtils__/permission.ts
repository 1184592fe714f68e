import { usePermission } from '@backstage/plugin-permission-react';

/**
 * Makes usePermission answer `allowed` at once, for every permission. The test file mocks
 * the module first:
 * `jest.mock('@backstage/plugin-permission-react', () => ({ ...jest.requireActual('@backstage/plugin-permission-react'), usePermission: jest.fn() }))`.
 */
export function answerPermissions(allowed: boolean) {
  const usePermissionMock = usePermission as jest.MockedFunction<
    typeof usePermission
  >;
  usePermissionMock.mockReset();
  usePermissionMock.mockReturnValue({ loading: false, allowed });
  return usePermissionMock;
}
