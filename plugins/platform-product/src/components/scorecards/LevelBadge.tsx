import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import EmojiEventsIcon from '@material-ui/icons/EmojiEvents';
import { ScorecardLevel } from '@platform-product/plugin-platform-product-common';
import { LEVEL_LABELS } from './labels';

// A metal's own colour for the medal, a light tint behind dark text for the chip:
// readable on light and dark themes alike.
const METALS: Record<
  ScorecardLevel,
  { medal: string; tint: string; text: string }
> = {
  bronze: { medal: '#a0612b', tint: '#f3dcc6', text: '#4e2a0c' },
  silver: { medal: '#7d8288', tint: '#e6e8eb', text: '#30353a' },
  gold: { medal: '#b8860b', tint: '#fbeaa5', text: '#4d3800' },
};

const useStyles = makeStyles(
  theme => ({
    chip: { fontWeight: 600, margin: 0 },
    large: {
      height: 36,
      fontSize: theme.typography.body1.fontSize,
      padding: theme.spacing(0, 0.5),
    },
    none: {
      color: theme.palette.text.secondary,
      borderStyle: 'dashed',
    },
    ...Object.fromEntries(
      Object.entries(METALS).map(([level, metal]) => [
        level,
        {
          backgroundColor: metal.tint,
          color: metal.text,
          '& svg': { color: metal.medal },
        },
      ]),
    ),
  }),
  { name: 'PlatformProductLevelBadge' },
);

const HINTS: Record<ScorecardLevel, string> = {
  bronze: 'Bronze: the basics of running a platform as a product are in place.',
  silver: 'Silver: the team listens to its users and answers them.',
  gold: 'Gold: a product people adopt, rate well and hear from.',
};

/** A product's level as a medal chip (Bronze, Silver, Gold), or "No level yet". */
export const LevelBadge = (props: {
  level: ScorecardLevel | null;
  size?: 'small' | 'medium' | 'large';
}) => {
  const { level, size = 'medium' } = props;
  const classes = useStyles() as Record<string, string>;
  const sizeClass = size === 'large' ? classes.large : '';
  if (!level) {
    return (
      <Tooltip title="Not every Bronze check passes yet">
        <Chip
          label="No level yet"
          variant="outlined"
          size={size === 'small' ? 'small' : 'medium'}
          className={`${classes.chip} ${classes.none} ${sizeClass}`}
        />
      </Tooltip>
    );
  }
  return (
    <Tooltip title={HINTS[level]}>
      <Chip
        icon={<EmojiEventsIcon />}
        label={LEVEL_LABELS[level]}
        size={size === 'small' ? 'small' : 'medium'}
        className={`${classes.chip} ${classes[level]} ${sizeClass}`}
        data-testid="level-badge"
      />
    </Tooltip>
  );
};
