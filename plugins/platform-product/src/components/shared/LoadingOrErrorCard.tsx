import { ReactNode } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';

type CardVariant = 'gridItem' | 'flex' | 'fullHeight';

/**
 * A card whose data is still loading or failed to load: the card with a progress bar
 * or the error, or `null` once the data is there and the caller renders its content.
 */
export function loadingOrErrorCard(options: {
  title: ReactNode;
  loading: boolean;
  error?: Error;
  variant?: CardVariant;
}): JSX.Element | null {
  const { title, loading, error, variant = 'gridItem' } = options;
  if (!loading && !error) {
    return null;
  }
  return (
    <InfoCard title={title} variant={variant}>
      {loading ? <Progress /> : <ResponseErrorPanel error={error!} />}
    </InfoCard>
  );
}
