import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import LaunchIcon from '@material-ui/icons/Launch';
import Alert from '@material-ui/lab/Alert';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { FactLabel } from '../shared/FactLabel';
import { inAppPath } from '../shared/inAppPath';
import { LifecycleChip } from '../shared/LifecycleChip';

const useStyles = makeStyles(
  theme => ({
    root: {
      padding: theme.spacing(3),
      borderLeft: `6px solid ${theme.palette.primary.main}`,
    },
    top: {
      display: 'flex',
      alignItems: 'center',
      flexWrap: 'wrap',
      gap: theme.spacing(1),
      marginBottom: theme.spacing(1.5),
    },
    description: { fontWeight: 400 },
    facts: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(4),
      marginTop: theme.spacing(2),
    },
    fact: { minWidth: 120 },
    links: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(2),
      marginTop: theme.spacing(2),
    },
    link: { display: 'inline-flex', alignItems: 'center', gap: 4 },
    missing: { color: theme.palette.warning.dark, fontWeight: 500 },
    alert: { marginTop: theme.spacing(2) },
  }),
  { name: 'PlatformProductHeader' },
);

const Fact = (props: { label: string; children: ReactNode }) => {
  const classes = useStyles();
  return (
    <Box className={classes.fact}>
      <FactLabel>{props.label}</FactLabel>
      <Typography variant="body1" component="div">
        {props.children}
      </Typography>
    </Box>
  );
};

const LIFECYCLE_NOTICES: Record<
  string,
  { severity: 'info' | 'warning'; text: string }
> = {
  experimental: {
    severity: 'info',
    text: 'This product is experimental: a pilot with early users. Expect breaking changes and best-effort support.',
  },
  deprecated: {
    severity: 'warning',
    text: 'This product is deprecated: do not adopt it. It is kept running only while its consumers migrate away.',
  },
};

/** The top of the product page: what the product is, in one glance. */
export const ProductHeader = (props: {
  entity: PlatformProductEntityV1alpha1;
  partCount: number;
}) => {
  const { entity, partCount } = props;
  const classes = useStyles();
  const { spec, metadata } = entity;
  const notice = LIFECYCLE_NOTICES[spec.lifecycle];

  return (
    <Paper className={classes.root} component="section" aria-label="Product">
      <Box className={classes.top}>
        <LifecycleChip lifecycle={spec.lifecycle} size="medium" />
        {(metadata.tags ?? []).map(tag => (
          <Chip key={tag} label={tag} size="small" variant="outlined" />
        ))}
      </Box>
      <Typography variant="h5" component="p" className={classes.description}>
        {metadata.description ||
          'No description yet: add metadata.description to say in one line what this product does.'}
      </Typography>
      <Box className={classes.facts}>
        <Fact label="Product manager">
          {spec.productManager ? (
            <EntityRefLink
              entityRef={spec.productManager}
              defaultKind="user"
              hideIcon
            />
          ) : (
            <span className={classes.missing}>None</span>
          )}
        </Fact>
        <Fact label="Owning team">
          <EntityRefLink entityRef={spec.owner} defaultKind="group" hideIcon />
        </Fact>
        <Fact label="Parts">{partCount}</Fact>
      </Box>
      {!!metadata.links?.length && (
        <Box className={classes.links}>
          {metadata.links.map(link => {
            const path = inAppPath(link.url);
            return (
              <Link
                key={link.url}
                to={path ?? link.url}
                className={classes.link}
              >
                {link.title || link.url}
                {!path && <LaunchIcon fontSize="inherit" />}
              </Link>
            );
          })}
        </Box>
      )}
      {notice && (
        <Alert severity={notice.severity} className={classes.alert}>
          {notice.text}
        </Alert>
      )}
    </Paper>
  );
};
