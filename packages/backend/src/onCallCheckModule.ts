import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  platformProductScorecardsExtensionPoint,
  ScorecardCheck,
} from '@platform-product/plugin-platform-product-node';

/** The annotations of the on-call tools the demo company uses (PagerDuty's and Opsgenie's plugins). */
const ON_CALL_ANNOTATIONS = [
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
  'opsgenie.com/team',
  'opsgenie.com/component-selector',
];

/**
 * A custom scorecard check: a product whose users depend on it in production needs someone to
 * call when it breaks. It passes when the product entity names its rota with one of the on-call
 * annotations. It reads nothing but the entities it is given, so a batch costs no query.
 */
export const onCallRotaCheck: ScorecardCheck = {
  id: 'on-call-rota',
  title: 'On-call rota',
  advice:
    "Name the product's on-call rota, so that its users know who answers when it breaks: add the pagerduty.com/service-id (or opsgenie.com/team) annotation to the PlatformProduct entity.",
  evaluate: products =>
    products.map(product => {
      const annotations = product.metadata.annotations ?? {};
      const found = ON_CALL_ANNOTATIONS.find(key => annotations[key]?.trim());
      return found
        ? { status: 'pass', value: `${found}: ${annotations[found]}` }
        : { status: 'fail', value: null };
    }),
};

/** Adds the on-call check to the Platform Product scorecards, through their extension point. */
export default createBackendModule({
  pluginId: 'platform-product',
  moduleId: 'on-call-check',
  register(env) {
    env.registerInit({
      deps: { scorecards: platformProductScorecardsExtensionPoint },
      async init({ scorecards }) {
        scorecards.addCheck(onCallRotaCheck);
      },
    });
  },
});
