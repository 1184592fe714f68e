import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(
  theme => ({
    chip: {
      margin: 0,
      fontWeight: theme.typography.fontWeightBold as number,
      textTransform: 'capitalize',
      color: theme.palette.common.white,
    },
    production: { backgroundColor: theme.palette.success.dark },
    beta: { backgroundColor: theme.palette.info.dark },
    experimental: { backgroundColor: theme.palette.warning.dark },
    deprecated: { backgroundColor: theme.palette.error.dark },
    unknown: { backgroundColor: theme.palette.grey[600] },
  }),
  { name: 'PlatformProductLifecycleChip' },
);

type Stage = 'production' | 'beta' | 'experimental' | 'deprecated';

const DESCRIPTIONS: Record<Stage, string> = {
  experimental:
    'Experimental: an early pilot; expect breaking changes and limited support.',
  beta: 'Beta: ready for early adopters; the interface may still change.',
  production: 'Production: supported and ready for everyone.',
  deprecated:
    'Deprecated: kept running while consumers migrate away; do not adopt.',
};

const isStage = (value: string): value is Stage => value in DESCRIPTIONS;

/** A coloured chip for a product's lifecycle stage, explained in its tooltip. */
export const LifecycleChip = (props: {
  lifecycle?: string;
  size?: 'small' | 'medium';
}) => {
  const classes = useStyles();
  const lifecycle = (props.lifecycle || 'unknown').toLocaleLowerCase('en-US');
  const stage = isStage(lifecycle) ? lifecycle : undefined;
  return (
    <Tooltip title={stage ? DESCRIPTIONS[stage] : 'Lifecycle not set'}>
      <Chip
        label={lifecycle}
        size={props.size ?? 'small'}
        className={`${classes.chip} ${classes[stage ?? 'unknown']}`}
      />
    </Tooltip>
  );
};
