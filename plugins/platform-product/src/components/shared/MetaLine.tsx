import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(
  theme => ({
    line: {
      display: 'flex',
      alignItems: 'center',
      flexWrap: 'wrap',
      gap: theme.spacing(1),
      marginTop: theme.spacing(0.5),
    },
  }),
  { name: 'PlatformProductMetaLine' },
);

/** The line of small facts under an item's title in a list: chips, author, date. */
export const MetaLine = (props: { children: ReactNode }) => {
  const classes = useStyles();
  return <Box className={classes.line}>{props.children}</Box>;
};
