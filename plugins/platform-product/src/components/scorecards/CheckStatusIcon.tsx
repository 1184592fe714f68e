import { makeStyles } from '@material-ui/core/styles';
import PassIcon from '@material-ui/icons/CheckCircle';
import FailIcon from '@material-ui/icons/Cancel';
import NotApplicableIcon from '@material-ui/icons/RemoveCircleOutline';
import { ScorecardCheckStatus } from '@platform-product/plugin-platform-product-common';
import { STATUS_LABELS } from './labels';

const useStyles = makeStyles(
  theme => ({
    pass: { color: theme.palette.success.main },
    fail: { color: theme.palette.error.main },
    'not-applicable': { color: theme.palette.text.disabled },
  }),
  { name: 'PlatformProductCheckStatusIcon' },
);

const ICONS = {
  pass: PassIcon,
  fail: FailIcon,
  'not-applicable': NotApplicableIcon,
};

/** A check's status as a coloured icon: passes, fails, not applicable. */
export const CheckStatusIcon = (props: {
  status: ScorecardCheckStatus;
  fontSize?: 'small' | 'default';
}) => {
  const classes = useStyles();
  const Icon = ICONS[props.status];
  return (
    <Icon
      className={classes[props.status]}
      fontSize={props.fontSize}
      titleAccess={STATUS_LABELS[props.status]}
    />
  );
};
