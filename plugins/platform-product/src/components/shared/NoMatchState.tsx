import { EmptyState } from '@backstage/core-components';
import Button from '@material-ui/core/Button';

/** The empty state of a filtered list that nothing matches, with a button that clears the filters. */
export const NoMatchState = (props: {
  title: string;
  description: string;
  onClear: () => void;
}) => (
  <EmptyState
    missing="data"
    title={props.title}
    description={props.description}
    action={
      <Button variant="outlined" onClick={props.onClear}>
        Clear filters
      </Button>
    }
  />
);
