import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** The head of an entity tab: its title, a line under it, and its buttons on the right. */
export const TabHeader = (props: {
  title: ReactNode;
  subtitle: ReactNode;
  actions?: ReactNode;
}) => (
  <Box
    display="flex"
    flexWrap="wrap"
    alignItems="center"
    justifyContent="space-between"
    style={{ gap: 16 }}
  >
    <Box>
      <Typography variant="h5">{props.title}</Typography>
      <Typography variant="body2" color="textSecondary">
        {props.subtitle}
      </Typography>
    </Box>
    {props.actions && (
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {props.actions}
      </Box>
    )}
  </Box>
);
