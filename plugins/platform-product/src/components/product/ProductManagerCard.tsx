import { UserEntity } from '@backstage/catalog-model';
import { Avatar, InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import EmailIcon from '@material-ui/icons/Email';
import PersonIcon from '@material-ui/icons/Person';
import Alert from '@material-ui/lab/Alert';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import useAsync from 'react-use/esm/useAsync';
import { displayNameOf } from '../shared/entities';
import { NoProductManagerCard } from './NoProductManagerCard';
import { loadingOrErrorCard } from '../shared/LoadingOrErrorCard';

const useStyles = makeStyles(
  theme => ({
    person: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(2),
    },
    avatar: {
      width: theme.spacing(9),
      height: theme.spacing(9),
      fontSize: '1.6rem',
    },
    row: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1),
      marginTop: theme.spacing(1.5),
    },
    role: { color: theme.palette.text.secondary },
  }),
  { name: 'PlatformProductManagerCard' },
);

const KnownProductManagerCard = (props: { pmRef: string }) => {
  const { pmRef } = props;
  const classes = useStyles();
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(
    () => catalogApi.getEntityByRef(pmRef),
    [catalogApi, pmRef],
  );

  const title = 'Product manager';
  const pending = loadingOrErrorCard({ title, loading, error });
  if (pending) {
    return pending;
  }

  const user = value as UserEntity | undefined;
  const profile = user?.spec?.profile;
  const name = user ? displayNameOf(user) : undefined;

  return (
    <InfoCard
      title={title}
      subheader="Owns the vision and the roadmap, and talks to the users"
      variant="gridItem"
    >
      <Box className={classes.person}>
        <Avatar
          displayName={name ?? pmRef}
          picture={profile?.picture}
          classes={{ avatar: classes.avatar }}
        />
        <Box>
          <Typography variant="h6" component="p">
            {name ? (
              <EntityRefLink entityRef={pmRef} defaultKind="user" hideIcon>
                {name}
              </EntityRefLink>
            ) : (
              <EntityRefLink entityRef={pmRef} defaultKind="user" hideIcon />
            )}
          </Typography>
          <Typography variant="body2" className={classes.role}>
            Product manager
          </Typography>
        </Box>
      </Box>
      {profile?.email && (
        <Box className={classes.row}>
          <EmailIcon fontSize="small" color="action" />
          <Link to={`mailto:${profile.email}`}>{profile.email}</Link>
        </Box>
      )}
      <Box className={classes.row}>
        <PersonIcon fontSize="small" color="action" />
        <EntityRefLink entityRef={pmRef} defaultKind="user" hideIcon>
          View profile
        </EntityRefLink>
      </Box>
      {!user && (
        <Box mt={2}>
          <Alert severity="warning">
            {pmRef} is named as product manager but is not in the catalog. Check
            spec.productManager for a typo, or import the user.
          </Alert>
        </Box>
      )}
    </InfoCard>
  );
};

/**
 * Who the product manager is and how to reach them; or, when the product has
 * none, the gap spelled out with how to close it.
 */
export const ProductManagerCard = (props: {
  entity: PlatformProductEntityV1alpha1;
}) => {
  const pmRef = props.entity.spec.productManager;
  if (!pmRef) {
    return <NoProductManagerCard entity={props.entity} />;
  }
  return <KnownProductManagerCard pmRef={pmRef} />;
};
