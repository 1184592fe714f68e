import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { CSSProperties } from '@material-ui/core/styles/withStyles';

/**
 * A small chip for a status, labelled and coloured by status: `statusChip(name,
 * labels, colors)` makes the component (feedback statuses, roadmap statuses).
 */
export function statusChip<S extends string>(
  name: string,
  labels: Record<S, string>,
  colors: (theme: Theme) => Record<S, CSSProperties>,
) {
  const useStyles = makeStyles(
    theme => ({ chip: { fontWeight: 500 }, ...colors(theme) }),
    { name },
  );
  return (props: { status: S }) => {
    const classes = useStyles() as Record<'chip' | S, string>;
    return (
      <Chip
        size="small"
        label={labels[props.status]}
        className={`${classes.chip} ${classes[props.status]}`}
      />
    );
  };
}
