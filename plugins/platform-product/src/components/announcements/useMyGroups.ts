import { parseEntityRef } from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/**
 * The groups the signed-in user belongs to, to post on behalf of; `current`
 * (the group a post is already written for) first if it is not one of them.
 */
export function useMyGroups(current: string | null | undefined): string[] {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    return ownershipEntityRefs.filter(ref => {
      try {
        return parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'group';
      } catch {
        return false;
      }
    });
  }, [identityApi]);
  const groups = value ?? [];
  return current && !groups.includes(current) ? [current, ...groups] : groups;
}
