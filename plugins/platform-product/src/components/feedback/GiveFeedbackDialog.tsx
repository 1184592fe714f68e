import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  CreateFeedbackRequest,
  FEEDBACK_BODY_MAX,
  FEEDBACK_POST_TYPES,
  FEEDBACK_TITLE_MAX,
  FeedbackItem,
  FeedbackPostType,
} from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { FormEvent, useState } from 'react';
import { useFeedbackLink } from './feedbackLink';
import {
  errorMessage,
  FeedbackTypeIcon,
  POST_TYPE_HINTS,
  TYPE_LABELS,
} from './labels';

const useStyles = makeStyles(
  theme => ({
    scores: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(0.5),
      margin: theme.spacing(1, 0, 0.5),
    },
    score: { minWidth: theme.spacing(5) },
    scale: {
      display: 'flex',
      justifyContent: 'space-between',
      maxWidth: theme.spacing(5.5) * 11,
    },
    typeLabel: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
    },
    field: { marginTop: theme.spacing(2) },
  }),
  { name: 'PlatformProductGiveFeedbackDialog' },
);

type Path = 'rate' | 'post';

/**
 * Rate a product (NPS, 0-10) or post an idea, problem, question or praise.
 * `entityRef` is the product or one of its parts: the feedback belongs to the product.
 */
export const GiveFeedbackDialog = (props: {
  open: boolean;
  onClose: () => void;
  entityRef: string;
  productName: string;
}) => {
  const { open, onClose, entityRef, productName } = props;
  const classes = useStyles();
  const api = useApi(platformProductApiRef);
  const feedbackLink = useFeedbackLink();

  const [path, setPath] = useState<Path>('rate');
  const [score, setScore] = useState<number>();
  const [comment, setComment] = useState('');
  const [type, setType] = useState<FeedbackPostType>('idea');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<FeedbackItem>();

  const reset = () => {
    setScore(undefined);
    setComment('');
    setTitle('');
    setBody('');
    setAnonymous(false);
    setError(undefined);
    setCreated(undefined);
  };
  const close = () => {
    onClose();
    reset();
  };

  const canSend =
    !sending && (path === 'rate' ? score !== undefined : !!title.trim());

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    const request: CreateFeedbackRequest =
      path === 'rate'
        ? {
            entityRef,
            type: 'rating',
            score,
            ...(comment.trim() && { body: comment }),
            anonymous,
          }
        : {
            entityRef,
            type,
            title,
            ...(body.trim() && { body }),
            anonymous,
          };
    setSending(true);
    setError(undefined);
    try {
      setCreated(await api.createFeedback(request));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="sm"
      aria-labelledby="give-feedback-title"
    >
      <DialogTitle id="give-feedback-title">
        Feedback on {productName}
      </DialogTitle>
      {created ? (
        <>
          <DialogContent>
            <Alert severity="success">
              {created.type === 'rating'
                ? `Thank you for rating ${productName}.`
                : `Thank you: your ${TYPE_LABELS[
                    created.type
                  ].toLocaleLowerCase(
                    'en-US',
                  )} is posted and the team will see it.`}
            </Alert>
            <Box mt={2}>
              <Link
                to={feedbackLink(
                  created.productRef,
                  created.type === 'rating' ? undefined : created.id,
                )}
              >
                {created.type === 'rating'
                  ? `See the feedback on ${productName}`
                  : 'See your post'}
              </Link>
            </Box>
          </DialogContent>
          <DialogActions>
            <Button onClick={reset}>Give more feedback</Button>
            <Button onClick={close} color="primary" variant="contained">
              Close
            </Button>
          </DialogActions>
        </>
      ) : (
        <form onSubmit={send} noValidate>
          <DialogContent>
            <Tabs
              value={path}
              onChange={(_, value: Path) => {
                setPath(value);
                setError(undefined);
              }}
              indicatorColor="primary"
              textColor="primary"
            >
              <Tab value="rate" label="Rate" />
              <Tab value="post" label="Post" />
            </Tabs>
            {path === 'rate' ? (
              <Box mt={2}>
                <FormLabel component="legend" id="nps-question">
                  How likely are you to recommend {productName} to a colleague?
                </FormLabel>
                <Box
                  className={classes.scores}
                  role="group"
                  aria-labelledby="nps-question"
                >
                  {Array.from({ length: 11 }, (_, value) => (
                    <Button
                      key={value}
                      className={classes.score}
                      variant={score === value ? 'contained' : 'outlined'}
                      color={score === value ? 'primary' : 'default'}
                      aria-pressed={score === value}
                      onClick={() => setScore(value)}
                    >
                      {value}
                    </Button>
                  ))}
                </Box>
                <Box className={classes.scale}>
                  <Typography variant="caption" color="textSecondary">
                    0: not at all likely
                  </Typography>
                  <Typography variant="caption" color="textSecondary">
                    10: extremely likely
                  </Typography>
                </Box>
                <TextField
                  className={classes.field}
                  id="feedback-comment"
                  label="Comment (optional)"
                  helperText="What is the main reason for your score?"
                  value={comment}
                  onChange={e => setComment(e.target.value)}
                  multiline
                  minRows={2}
                  fullWidth
                  variant="outlined"
                  inputProps={{ maxLength: FEEDBACK_BODY_MAX }}
                />
              </Box>
            ) : (
              <Box mt={2}>
                <FormLabel component="legend">Type</FormLabel>
                <RadioGroup
                  row
                  aria-label="Type"
                  value={type}
                  onChange={e => setType(e.target.value as FeedbackPostType)}
                >
                  {FEEDBACK_POST_TYPES.map(t => (
                    <FormControlLabel
                      key={t}
                      value={t}
                      control={<Radio color="primary" />}
                      title={POST_TYPE_HINTS[t]}
                      label={
                        <span className={classes.typeLabel}>
                          <FeedbackTypeIcon type={t} />
                          {TYPE_LABELS[t]}
                        </span>
                      }
                    />
                  ))}
                </RadioGroup>
                <Typography variant="caption" color="textSecondary">
                  {POST_TYPE_HINTS[type]}.
                </Typography>
                <TextField
                  className={classes.field}
                  id="feedback-title"
                  label="Title"
                  required
                  value={title}
                  onChange={e => setTitle(e.target.value)}
                  fullWidth
                  variant="outlined"
                  inputProps={{ maxLength: FEEDBACK_TITLE_MAX }}
                />
                <TextField
                  className={classes.field}
                  id="feedback-body"
                  label="Details"
                  helperText="Markdown is supported."
                  value={body}
                  onChange={e => setBody(e.target.value)}
                  multiline
                  minRows={5}
                  fullWidth
                  variant="outlined"
                  inputProps={{ maxLength: FEEDBACK_BODY_MAX }}
                />
              </Box>
            )}
            <Box mt={1}>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={anonymous}
                    onChange={e => setAnonymous(e.target.checked)}
                    color="primary"
                  />
                }
                label="Anonymous"
              />
              <Typography variant="body2" color="textSecondary">
                Anonymous means the product team won't see who you are; you
                still get notified of replies.
              </Typography>
            </Box>
            {error && (
              <Box mt={2}>
                <Alert severity="error">{error}</Alert>
              </Box>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Cancel</Button>
            <Button
              type="submit"
              color="primary"
              variant="contained"
              disabled={!canSend}
            >
              {path === 'rate' ? 'Send rating' : 'Post'}
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
};
