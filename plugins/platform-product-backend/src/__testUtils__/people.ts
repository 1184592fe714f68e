import { mockCredentials } from '@backstage/backend-test-utils';

/** The people of the router tests: who they are in the demo catalog and policy. */
export const JANE = 'user:default/jane'; // PM of X
export const OWEN = 'user:default/owen'; // in the owning team of X
export const ALICE = 'user:default/alice';
export const BOB = 'user:default/bob';
export const ADMIN = 'user:default/admin';
export const OUTSIDER = 'user:default/outsider'; // the policy denies everything
export const CONDY = 'user:default/condy'; // PM of Z, allowed by a conditional decision
export const READER = 'user:default/reader'; // reads products, not their feedback (roadmap tests)

/** The Authorization header of a user's request. */
export const as = (user: string) => mockCredentials.user.header(user);
