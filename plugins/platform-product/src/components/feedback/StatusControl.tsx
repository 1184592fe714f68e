import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  FEEDBACK_TRANSITIONS,
  FeedbackItem,
  FeedbackStatus,
} from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { errorMessage, STATUS_LABELS } from './labels';

const useStyles = makeStyles(
  theme => ({
    row: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(2),
    },
    select: { minWidth: theme.spacing(22) },
  }),
  { name: 'PlatformProductFeedbackStatusControl' },
);

/** The other posts of the product, for "duplicate of". */
const DuplicateOfSelect = (props: {
  post: FeedbackItem;
  value: string;
  onChange: (id: string) => void;
}) => {
  const { post, value, onChange } = props;
  const classes = useStyles();
  const api = useApi(platformProductApiRef);
  const {
    value: others,
    loading,
    error,
  } = useAsync(async () => {
    const page = await api.listFeedback({
      productRef: post.productRef,
      sort: 'votes',
      limit: 100,
    });
    return page.items.filter(item => item.id !== post.id);
  }, [api, post.productRef, post.id]);
  if (error) {
    return <Alert severity="error">{errorMessage(error)}</Alert>;
  }
  return (
    <TextField
      select
      id="feedback-duplicate-of"
      label="Duplicate of"
      value={value}
      onChange={e => onChange(e.target.value)}
      SelectProps={{ native: true }}
      variant="outlined"
      size="small"
      className={classes.select}
      InputLabelProps={{ shrink: true }}
      disabled={loading}
    >
      <option value="">{loading ? 'Loading posts…' : 'Choose a post'}</option>
      {others?.map(other => (
        <option key={other.id} value={other.id}>
          {other.title}
        </option>
      ))}
    </TextField>
  );
};

/**
 * Triage for the product team: only the statuses the workflow allows from the
 * current one, and the original post when marking a duplicate.
 */
export const StatusControl = (props: {
  post: FeedbackItem;
  onChanged: (post: FeedbackItem) => void;
}) => {
  const { post, onChanged } = props;
  const classes = useStyles();
  const api = useApi(platformProductApiRef);
  const [next, setNext] = useState<FeedbackStatus | ''>('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  if (!post.status) return null;
  const allowed = FEEDBACK_TRANSITIONS[post.status];

  const save = async () => {
    if (!next) return;
    setSaving(true);
    setError(undefined);
    try {
      const updated = await api.updateFeedback(post.id, {
        status: next,
        ...(next === 'duplicate' && { duplicateOf }),
      });
      setNext('');
      setDuplicateOf('');
      onChanged(updated);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box>
      <Box className={classes.row}>
        <TextField
          select
          id="feedback-status"
          label="Change status"
          value={next}
          onChange={e => setNext(e.target.value as FeedbackStatus | '')}
          SelectProps={{ native: true }}
          variant="outlined"
          size="small"
          className={classes.select}
          InputLabelProps={{ shrink: true }}
        >
          <option value="">{STATUS_LABELS[post.status]} (current)</option>
          {allowed.map(status => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </TextField>
        {next === 'duplicate' && (
          <DuplicateOfSelect
            post={post}
            value={duplicateOf}
            onChange={setDuplicateOf}
          />
        )}
        <Button
          variant="contained"
          color="primary"
          onClick={save}
          disabled={saving || !next || (next === 'duplicate' && !duplicateOf)}
        >
          Save status
        </Button>
      </Box>
      {error && (
        <Box mt={1}>
          <Alert severity="error">{error}</Alert>
        </Box>
      )}
    </Box>
  );
};
