import type { EntityContentLayoutProps } from '@backstage/plugin-catalog-react/alpha';
import Grid from '@material-ui/core/Grid';

/**
 * The overview layout of PlatformProduct pages in the new frontend system: the
 * product overview is a page of cards of its own, so the content cards take the
 * full width (as on the legacy demo's product page) and the info cards (About,
 * Links) line up below them instead of narrowing them with a side column.
 */
export function ProductOverviewLayout(props: EntityContentLayoutProps) {
  const info = props.cards.filter(card => card.type === 'info');
  const content = props.cards.filter(card => card.type !== 'info');
  return (
    <Grid container spacing={3} alignItems="stretch">
      {content.map((card, index) => (
        <Grid item xs={12} key={card.element.key ?? index}>
          {card.element}
        </Grid>
      ))}
      {info.map((card, index) => (
        <Grid item xs={12} md={6} key={card.element.key ?? `info-${index}`}>
          {card.element}
        </Grid>
      ))}
    </Grid>
  );
}
