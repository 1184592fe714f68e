import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(
  theme => ({
    label: {
      textTransform: 'uppercase',
      letterSpacing: '0.06em',
      color: theme.palette.text.secondary,
      fontSize: '0.7rem',
      fontWeight: 600,
    },
  }),
  { name: 'PlatformProductFactLabel' },
);

/** The small upper-case caption over one fact of a product ("Owning team", "Lifecycle"). */
export const FactLabel = (props: {
  children: ReactNode;
  className?: string;
}) => {
  const classes = useStyles();
  const className = props.className
    ? `${classes.label} ${props.className}`
    : classes.label;
  return (
    <Typography className={className} component="div">
      {props.children}
    </Typography>
  );
};
