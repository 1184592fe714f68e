import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { onCallRotaCheck } from './onCallCheckModule';

const product = (
  annotations?: Record<string, string>,
): PlatformProductEntityV1alpha1 => ({
  apiVersion: 'platform-product/v1alpha1',
  kind: 'PlatformProduct',
  metadata: { name: 'p', annotations },
  spec: { owner: 'group:default/team', lifecycle: 'production' },
});

describe('the on-call rota check', () => {
  it('passes a product that names its rota, fails one that does not, in the order given', async () => {
    await expect(
      Promise.resolve(
        onCallRotaCheck.evaluate([
          product({ 'pagerduty.com/service-id': 'PDEPLOY' }),
          product(),
          product({ 'opsgenie.com/team': 'observability' }),
          product({ 'pagerduty.com/service-id': ' ' }),
        ]),
      ),
    ).resolves.toEqual([
      { status: 'pass', value: 'pagerduty.com/service-id: PDEPLOY' },
      { status: 'fail', value: null },
      { status: 'pass', value: 'opsgenie.com/team: observability' },
      { status: 'fail', value: null },
    ]);
    expect(onCallRotaCheck.advice).toMatch(/pagerduty\.com\/service-id/);
  });
});
