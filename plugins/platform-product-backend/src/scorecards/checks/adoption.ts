import { CheckThresholds } from '../ScorecardConfig';
import { plural } from './format';
import { BuiltInCheck } from './types';

/** Teams using the product, from the latest adoption snapshot; not applicable before the first. */
export function adoptingTeamsCheck(
  thresholds: CheckThresholds['adopting-teams'],
): BuiltInCheck {
  const threshold = `at least ${plural(thresholds.minimum, 'team')}`;
  const advice = `Grow adoption to ${threshold}: find the teams that would gain the most, help them onboard (a getting-started guide, office hours, a migration path) and ask the others what holds them back.`;
  return {
    id: 'adopting-teams',
    title: 'Adopting teams',
    advice,
    evaluate: ({ metrics }) => {
      const teams = metrics.adoptingTeams;
      if (teams === null) {
        return {
          status: 'not-applicable',
          value: null,
          threshold,
          advice:
            "The product's adoption has not been recorded yet: the adoption snapshot runs on a schedule (every 6 hours by default).",
        };
      }
      return {
        status: teams >= thresholds.minimum ? 'pass' : 'fail',
        value: plural(teams, 'team'),
        threshold,
        advice,
      };
    },
  };
}
