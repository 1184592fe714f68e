import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { ReactNode } from 'react';
import { FactLabel } from '../shared/FactLabel';
import { LifecycleChip } from '../shared/LifecycleChip';

const useStyles = makeStyles(
  theme => ({
    vision: {
      fontSize: '1.1rem',
      lineHeight: 1.6,
      borderLeft: `4px solid ${theme.palette.primary.light}`,
      paddingLeft: theme.spacing(2),
      margin: theme.spacing(0, 0, 3, 0),
    },
    missing: {
      color: theme.palette.text.secondary,
      fontStyle: 'italic',
    },
    label: { marginBottom: theme.spacing(0.5) },
    chips: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(1),
    },
  }),
  { name: 'PlatformProductVisionCard' },
);

const Field = (props: { label: string; children: ReactNode }) => {
  const classes = useStyles();
  return (
    <Grid item xs={12} sm={6}>
      <FactLabel className={classes.label}>{props.label}</FactLabel>
      <Box>{props.children}</Box>
    </Grid>
  );
};

/** The product's vision and audience: who it serves and what it promises. */
export const ProductVisionCard = (props: {
  entity: PlatformProductEntityV1alpha1;
}) => {
  const classes = useStyles();
  const { spec } = props.entity;
  const audience = spec.audience ?? [];
  return (
    <InfoCard title="About" subheader="Vision and audience" variant="gridItem">
      {spec.vision ? (
        <Typography component="blockquote" className={classes.vision}>
          {spec.vision}
        </Typography>
      ) : (
        <Typography className={`${classes.vision} ${classes.missing}`}>
          No vision yet. Write one paragraph in spec.vision: who the product
          serves and what it promises them.
        </Typography>
      )}
      <Grid container spacing={2}>
        <Field label="Audience">
          {audience.length ? (
            <Box className={classes.chips}>
              {audience.map(group => (
                <Chip key={group} label={group} size="small" color="primary" />
              ))}
            </Box>
          ) : (
            <Typography variant="body2" className={classes.missing}>
              Not set (spec.audience)
            </Typography>
          )}
        </Field>
        <Field label="Owning team">
          <EntityRefLink entityRef={spec.owner} defaultKind="group" />
        </Field>
        <Field label="Lifecycle">
          <LifecycleChip lifecycle={spec.lifecycle} />
        </Field>
      </Grid>
    </InfoCard>
  );
};
