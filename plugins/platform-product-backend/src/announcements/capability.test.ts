import { ConfigReader } from '@backstage/config';
import { claimTimeoutFromConfig } from './capability';

const config = (deliveryClaimTimeout?: unknown) =>
  new ConfigReader({
    platformProduct: {
      announcements:
        deliveryClaimTimeout === undefined ? {} : { deliveryClaimTimeout },
    },
  });

describe('claimTimeoutFromConfig', () => {
  it('leaves the default (10 minutes, in the publisher) when unset', () => {
    expect(claimTimeoutFromConfig(config())).toBeUndefined();
  });

  it('reads a duration object or an ISO duration', () => {
    expect(claimTimeoutFromConfig(config({ seconds: 12 }))).toBe(12_000);
    expect(claimTimeoutFromConfig(config('PT2M'))).toBe(120_000);
  });

  it('refuses a timeout under a second, naming the key', () => {
    expect(() => claimTimeoutFromConfig(config({ milliseconds: 10 }))).toThrow(
      'platformProduct.announcements.deliveryClaimTimeout',
    );
  });
});
