import { EmptyState, InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import EventIcon from '@material-ui/icons/Event';
import { ChannelIcon } from '../shared/ChannelIcon';
import {
  PlatformProductEntityV1alpha1,
  PlatformProductSupportChannel,
} from '@platform-product/plugin-platform-product-common';

const useStyles = makeStyles(
  theme => ({
    item: { paddingLeft: 0, paddingRight: 0 },
    icon: { minWidth: theme.spacing(5) },
    type: { textTransform: 'capitalize' },
    officeHours: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1.5),
      marginTop: theme.spacing(2),
    },
  }),
  { name: 'PlatformProductSupportCard' },
);

const ChannelItem = (props: { channel: PlatformProductSupportChannel }) => {
  const { channel } = props;
  const classes = useStyles();
  return (
    <ListItem className={classes.item}>
      <ListItemIcon className={classes.icon}>
        <ChannelIcon type={channel.type} />
      </ListItemIcon>
      <ListItemText
        primary={
          channel.url ? (
            <Link to={channel.url}>{channel.name}</Link>
          ) : (
            channel.name
          )
        }
        secondary={<span className={classes.type}>{channel.type}</span>}
      />
    </ListItem>
  );
};

/** Where users of the product get help: channels and office hours. */
export const ProductSupportCard = (props: {
  entity: PlatformProductEntityV1alpha1;
}) => {
  const classes = useStyles();
  const channels = props.entity.spec.support?.channels ?? [];
  const officeHours = props.entity.spec.support?.officeHours;

  return (
    <InfoCard title="Support" subheader="Where to get help" variant="gridItem">
      {!channels.length && !officeHours ? (
        <EmptyState
          missing="field"
          title="No support channels"
          description="Users of this product do not know where to ask for help. Add spec.support.channels (chat, issues, docs) and spec.support.officeHours to the product's catalog YAML."
        />
      ) : (
        <>
          {!!channels.length && (
            <List dense disablePadding aria-label="Support channels">
              {channels.map(channel => (
                <ChannelItem
                  key={`${channel.type}:${channel.name}`}
                  channel={channel}
                />
              ))}
            </List>
          )}
          {officeHours && (
            <>
              {!!channels.length && <Divider />}
              <Box className={classes.officeHours}>
                <EventIcon color="primary" titleAccess="Office hours" />
                <Box>
                  <Typography variant="subtitle2">Office hours</Typography>
                  <Typography variant="body2">
                    {officeHours.schedule}
                    {officeHours.url && (
                      <>
                        {' · '}
                        <Link to={officeHours.url}>Join</Link>
                      </>
                    )}
                  </Typography>
                </Box>
              </Box>
            </>
          )}
        </>
      )}
    </InfoCard>
  );
};
