import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ScorecardCheckResult } from '@platform-product/plugin-platform-product-common';
import { useEffect, useRef } from 'react';
import { CheckStatusIcon } from './CheckStatusIcon';
import { CheckGroup, formatValue, groupChecks, passCountLabel } from './labels';
import { LevelBadge } from './LevelBadge';

const useStyles = makeStyles(
  theme => ({
    group: { padding: theme.spacing(2, 3), height: '100%' },
    groupHead: {
      display: 'flex',
      alignItems: 'center',
      flexWrap: 'wrap',
      gap: theme.spacing(1.5),
      marginBottom: theme.spacing(1),
    },
    list: { listStyle: 'none', margin: 0, padding: 0 },
    check: {
      display: 'flex',
      gap: theme.spacing(1.5),
      padding: theme.spacing(1.5, 1),
      borderTop: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
    },
    selected: {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
    icon: { paddingTop: 2 },
    body: { flex: 1, minWidth: 0 },
    head: {
      display: 'flex',
      flexWrap: 'wrap',
      justifyContent: 'space-between',
      alignItems: 'baseline',
      columnGap: theme.spacing(2),
    },
    title: { fontWeight: 500 },
    failedTitle: { fontWeight: 600 },
    measure: { whiteSpace: 'nowrap' },
    advice: { marginTop: theme.spacing(1) },
  }),
  { name: 'PlatformProductScorecardChecks' },
);

/** "2 · needs 3", "no · needs yes", or only the value for a check without threshold. */
function measureLabel(check: ScorecardCheckResult): string | undefined {
  if (check.value === null && check.threshold === null) return undefined;
  const value = formatValue(check.value);
  return check.threshold === null
    ? value
    : `${value} · needs ${formatValue(check.threshold)}`;
}

/** A measured value that names a person or a team ("user:default/jane.doe") reads as a link. */
const ENTITY_REF_VALUE = /^(user|group):[^/\s]+\/\S+$/;

const Check = (props: { check: ScorecardCheckResult; selected: boolean }) => {
  const { check, selected } = props;
  const classes = useStyles();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: 'center' });
  }, [selected]);
  const measure = measureLabel(check);
  const failed = check.status === 'fail';
  return (
    <li
      ref={ref}
      id={`check-${check.id}`}
      className={`${classes.check} ${selected ? classes.selected : ''}`}
      data-testid="scorecard-check"
      data-status={check.status}
    >
      <Box className={classes.icon}>
        <CheckStatusIcon status={check.status} />
      </Box>
      <Box className={classes.body}>
        <Box className={classes.head}>
          <Typography
            variant="body1"
            component="h4"
            className={failed ? classes.failedTitle : classes.title}
          >
            {check.title}
          </Typography>
          {measure && (
            <Typography
              variant="body2"
              color="textSecondary"
              className={classes.measure}
              title="measured · what it takes to pass"
            >
              {typeof check.value === 'string' &&
              check.threshold === null &&
              ENTITY_REF_VALUE.test(check.value) ? (
                <EntityRefLink entityRef={check.value} hideIcon />
              ) : (
                measure
              )}
            </Typography>
          )}
        </Box>
        {failed && check.advice && (
          <Alert
            severity="warning"
            className={classes.advice}
            data-testid="check-advice"
          >
            <strong>Next step:</strong> {check.advice}
          </Alert>
        )}
        {check.status === 'not-applicable' && check.advice && (
          <Typography variant="body2" color="textSecondary">
            {check.advice}
          </Typography>
        )}
      </Box>
    </li>
  );
};

const Group = (props: { group: CheckGroup; selectedId?: string }) => {
  const { group, selectedId } = props;
  const classes = useStyles();
  return (
    <Paper
      component="section"
      className={classes.group}
      aria-label={group.title}
      data-testid={`check-group-${group.level ?? 'score'}`}
    >
      <Box className={classes.groupHead}>
        {group.level ? (
          <LevelBadge level={group.level} />
        ) : (
          <Typography variant="h6" component="h3">
            {group.title}
          </Typography>
        )}
        <Typography variant="body2" color="textSecondary">
          {passCountLabel(group.checks)}
        </Typography>
      </Box>
      <ul className={classes.list}>
        {group.checks.map(check => (
          <Check
            key={check.id}
            check={check}
            selected={check.id === selectedId}
          />
        ))}
      </ul>
    </Paper>
  );
};

/**
 * The checks by level (Bronze, Silver, Gold, then those that only count towards the
 * score), each with its status, what was measured against what it takes, and on a
 * failure the advice on what to do next.
 */
export const ScorecardChecks = (props: {
  checks: ScorecardCheckResult[];
  selectedId?: string;
}) => (
  <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
    {groupChecks(props.checks).map(group => (
      <Group
        key={group.level ?? 'score'}
        group={group}
        selectedId={props.selectedId}
      />
    ))}
  </Box>
);
