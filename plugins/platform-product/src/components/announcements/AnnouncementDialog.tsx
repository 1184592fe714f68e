import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  Announcement,
  ANNOUNCEMENT_BODY_MAX,
  ANNOUNCEMENT_LOCATION_MAX,
  ANNOUNCEMENT_SUMMARY_MAX,
  ANNOUNCEMENT_TITLE_MAX,
  ANNOUNCEMENT_TYPES,
  AnnouncementFields,
  AnnouncementType,
  checkAnnouncementFields,
  EVENT_KINDS,
  EventKind,
} from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { errorMessage } from '../shared/errorMessage';
import { fromLocalInput, toLocalInput } from './dates';
import {
  AnnouncementTypeIcon,
  EVENT_KIND_LABELS,
  TYPE_HINTS,
  TYPE_LABELS,
} from './labels';

const useStyles = makeStyles(
  theme => ({
    typeLabel: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
    },
    section: { marginTop: theme.spacing(2) },
    group: {
      marginTop: theme.spacing(2),
      padding: theme.spacing(2),
      borderRadius: theme.shape.borderRadius,
      backgroundColor: theme.palette.background.default,
    },
  }),
  { name: 'PlatformProductAnnouncementDialog' },
);

const FIELD_LABELS: Record<string, string> = {
  effectiveAt: 'Takes effect on',
  expiresAt: 'Expires',
  publishAt: 'Publish at',
  'event.start': 'Starts',
  'event.end': 'Ends',
};

type Form = {
  type: AnnouncementType;
  title: string;
  summary: string;
  body: string;
  tags: string;
  pinned: boolean;
  draft: boolean;
  onBehalfOf: string;
  publish: 'now' | 'at';
  publishAt: string;
  expiresAt: string;
  effectiveAt: string;
  eventKind: EventKind;
  eventStart: string;
  eventEnd: string;
  eventLocation: string;
};

function formOf(post?: Announcement): Form {
  return {
    type: post?.type ?? 'release',
    title: post?.title ?? '',
    summary: post?.summary ?? '',
    body: post?.body ?? '',
    tags: post?.tags.join(', ') ?? '',
    pinned: post?.pinned ?? false,
    draft: post?.state === 'draft',
    onBehalfOf: post?.onBehalfOf ?? '',
    publish: post?.publishAt && !post.publishedAt ? 'at' : 'now',
    publishAt: post?.publishedAt ? '' : toLocalInput(post?.publishAt),
    expiresAt: toLocalInput(post?.expiresAt),
    effectiveAt: toLocalInput(post?.effectiveAt),
    eventKind: post?.event?.kind ?? 'other',
    eventStart: toLocalInput(post?.event?.start),
    eventEnd: toLocalInput(post?.event?.end),
    eventLocation: post?.event?.location ?? '',
  };
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\s]+/)
        .map(tag => tag.trim().replace(/^#/, '').toLocaleLowerCase('en-US'))
        .filter(Boolean),
    ),
  ];
}

/** The fields of the form as the API takes them, and the problems only the form can see. */
function fieldsOf(form: Form): {
  fields: AnnouncementFields;
  problems: Record<string, string>;
} {
  const problems: Record<string, string> = {};
  const publishAt =
    form.publish === 'at' ? fromLocalInput(form.publishAt) : null;
  if (form.publish === 'at' && !publishAt) {
    problems.publishAt = 'Choose when to publish';
  }
  let event: AnnouncementFields['event'] = null;
  if (form.type === 'event') {
    const start = fromLocalInput(form.eventStart);
    const end = fromLocalInput(form.eventEnd);
    if (!start) problems['event.start'] = 'An event needs a start';
    if (!end) problems['event.end'] = 'An event needs an end';
    if (start && end) {
      event = {
        kind: form.eventKind,
        start,
        end,
        ...(form.eventLocation.trim() && {
          location: form.eventLocation.trim(),
        }),
      };
    }
  }
  const fields: AnnouncementFields = {
    type: form.type,
    title: form.title.trim(),
    summary: form.summary.trim(),
    body: form.body,
    tags: parseTags(form.tags),
    pinned: form.pinned,
    onBehalfOf: form.onBehalfOf || null,
    publishAt,
    expiresAt: fromLocalInput(form.expiresAt),
    effectiveAt:
      form.type === 'deprecation' ? fromLocalInput(form.effectiveAt) : null,
    event,
    draft: form.draft,
  };
  for (const [field, message] of checkAnnouncementFields(fields)) {
    if (field === 'event' && form.type === 'event') continue; // said per field above
    problems[field] ??= `${FIELD_LABELS[field] ?? field} ${message}`;
  }
  return { fields, problems };
}

/** The groups the signed-in user belongs to, to post on behalf of. */
function useMyGroups(current: string | null | undefined) {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    return ownershipEntityRefs.filter(ref => {
      try {
        return parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'group';
      } catch {
        return false;
      }
    });
  }, [identityApi]);
  const groups = value ?? [];
  return current && !groups.includes(current) ? [current, ...groups] : groups;
}

/**
 * Writes a new post for a product (or, without `productRef`, a global one), or
 * edits `post`: every field, those that depend on the type shown for it. The
 * server's validation messages show in the dialog.
 */
export const AnnouncementDialog = (props: {
  open: boolean;
  onClose: () => void;
  onSaved: (post: Announcement) => void;
  productRef?: string;
  /** shown in the title: "New announcement for <name>" */
  productName?: string;
  post?: Announcement;
}) => {
  const { open, onClose, onSaved, productRef, productName, post } = props;
  const classes = useStyles();
  const api = useApi(platformProductApiRef);
  const [form, setForm] = useState<Form>(() => formOf(post));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [checked, setChecked] = useState(false);
  const groups = useMyGroups(post?.onBehalfOf);
  const published = !!post?.publishedAt;

  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm(previous => ({ ...previous, [key]: value }));
  const { fields, problems } = fieldsOf(form);
  const problem = (field: string) => (checked ? problems[field] : undefined);

  const close = () => {
    onClose();
    setForm(formOf(post));
    setError(undefined);
    setChecked(false);
  };

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length) return;
    setSaving(true);
    setError(undefined);
    try {
      let saved: Announcement;
      if (post) {
        // only what changed: a published post keeps its publishing date
        const before = fieldsOf(formOf(post)).fields;
        const change = Object.fromEntries(
          Object.entries(fields).filter(
            ([key, value]) =>
              JSON.stringify(value) !==
              JSON.stringify(before[key as keyof AnnouncementFields]),
          ),
        );
        if (published) {
          delete change.publishAt;
          delete change.draft;
        }
        if (!Object.keys(change).length) {
          close();
          return;
        }
        saved = await api.updateAnnouncement(post.id, change);
      } else {
        saved = await api.createAnnouncement({
          ...(productRef && { productRef }),
          ...fields,
        });
      }
      onSaved(saved);
      close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const required =
    !!form.title.trim() && !!form.summary.trim() && !!form.body.trim();
  const forWhom = productName ? ` for ${productName}` : '';
  let submitLabel = 'Publish';
  if (post) submitLabel = 'Save';
  else if (form.draft) submitLabel = 'Save draft';
  else if (form.publish === 'at') submitLabel = 'Schedule';

  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="md"
      aria-labelledby="announcement-dialog-title"
    >
      <DialogTitle id="announcement-dialog-title">
        {post ? `Edit “${post.title}”` : `New announcement${forWhom}`}
      </DialogTitle>
      <form onSubmit={save} noValidate>
        <DialogContent dividers>
          <FormLabel component="legend">Type</FormLabel>
          <RadioGroup
            row
            aria-label="Type"
            value={form.type}
            onChange={e => set('type', e.target.value as AnnouncementType)}
          >
            {ANNOUNCEMENT_TYPES.map(t => (
              <FormControlLabel
                key={t}
                value={t}
                control={<Radio color="primary" />}
                title={TYPE_HINTS[t]}
                label={
                  <span className={classes.typeLabel}>
                    <AnnouncementTypeIcon type={t} />
                    {TYPE_LABELS[t]}
                  </span>
                }
              />
            ))}
          </RadioGroup>
          <Typography variant="caption" color="textSecondary">
            {TYPE_HINTS[form.type]}.
          </Typography>

          <TextField
            className={classes.section}
            id="announcement-title"
            label="Title"
            required
            fullWidth
            variant="outlined"
            value={form.title}
            onChange={e => set('title', e.target.value)}
            inputProps={{ maxLength: ANNOUNCEMENT_TITLE_MAX }}
            error={checked && !form.title.trim()}
          />
          <TextField
            className={classes.section}
            id="announcement-summary"
            label="Summary"
            required
            fullWidth
            variant="outlined"
            helperText="One or two sentences: what notifications and cards show."
            value={form.summary}
            onChange={e => set('summary', e.target.value)}
            inputProps={{ maxLength: ANNOUNCEMENT_SUMMARY_MAX }}
            error={checked && !form.summary.trim()}
          />
          <TextField
            className={classes.section}
            id="announcement-body"
            label="Body"
            required
            fullWidth
            multiline
            minRows={6}
            variant="outlined"
            helperText="Markdown: headings, lists, links, code."
            value={form.body}
            onChange={e => set('body', e.target.value)}
            inputProps={{ maxLength: ANNOUNCEMENT_BODY_MAX }}
            error={checked && !form.body.trim()}
          />

          {form.type === 'deprecation' && (
            <Box className={classes.group}>
              <TextField
                id="announcement-effective-at"
                label="Takes effect on"
                type="datetime-local"
                required
                value={form.effectiveAt}
                onChange={e => set('effectiveAt', e.target.value)}
                InputLabelProps={{ shrink: true }}
                variant="outlined"
                size="small"
                error={!!problem('effectiveAt')}
                helperText={
                  problem('effectiveAt') ??
                  'Readers are asked to acknowledge a deprecation before this date.'
                }
              />
            </Box>
          )}

          {form.type === 'event' && (
            <Grid container spacing={2} className={classes.group}>
              <Grid item xs={12} sm={6}>
                <TextField
                  select
                  id="announcement-event-kind"
                  label="Kind of event"
                  fullWidth
                  value={form.eventKind}
                  onChange={e => set('eventKind', e.target.value as EventKind)}
                  SelectProps={{ native: true }}
                  InputLabelProps={{ shrink: true }}
                  variant="outlined"
                  size="small"
                >
                  {EVENT_KINDS.map(kind => (
                    <option key={kind} value={kind}>
                      {EVENT_KIND_LABELS[kind]}
                    </option>
                  ))}
                </TextField>
              </Grid>
              <Grid item xs={12} sm={6}>
                <TextField
                  id="announcement-event-location"
                  label="Where"
                  fullWidth
                  placeholder="A room or a meeting link"
                  value={form.eventLocation}
                  onChange={e => set('eventLocation', e.target.value)}
                  inputProps={{ maxLength: ANNOUNCEMENT_LOCATION_MAX }}
                  InputLabelProps={{ shrink: true }}
                  variant="outlined"
                  size="small"
                />
              </Grid>
              <Grid item xs={12} sm={6}>
                <TextField
                  id="announcement-event-start"
                  label="Starts"
                  type="datetime-local"
                  required
                  fullWidth
                  value={form.eventStart}
                  onChange={e => set('eventStart', e.target.value)}
                  InputLabelProps={{ shrink: true }}
                  variant="outlined"
                  size="small"
                  error={!!problem('event.start')}
                  helperText={problem('event.start')}
                />
              </Grid>
              <Grid item xs={12} sm={6}>
                <TextField
                  id="announcement-event-end"
                  label="Ends"
                  type="datetime-local"
                  required
                  fullWidth
                  value={form.eventEnd}
                  onChange={e => set('eventEnd', e.target.value)}
                  InputLabelProps={{ shrink: true }}
                  variant="outlined"
                  size="small"
                  error={!!problem('event.end')}
                  helperText={problem('event.end')}
                />
              </Grid>
            </Grid>
          )}

          <TextField
            className={classes.section}
            id="announcement-tags"
            label="Tags"
            fullWidth
            variant="outlined"
            size="small"
            placeholder="kubernetes, cli"
            helperText="Comma-separated; lower-case letters, digits and dashes."
            value={form.tags}
            onChange={e => set('tags', e.target.value)}
          />

          <Grid container spacing={2} className={classes.section}>
            {!published && (
              <Grid item xs={12} sm={6}>
                <FormLabel component="legend">Publish</FormLabel>
                <RadioGroup
                  row
                  aria-label="Publish"
                  value={form.publish}
                  onChange={e => set('publish', e.target.value as 'now' | 'at')}
                >
                  <FormControlLabel
                    value="now"
                    control={<Radio color="primary" />}
                    label="Now"
                  />
                  <FormControlLabel
                    value="at"
                    control={<Radio color="primary" />}
                    label="At a date"
                  />
                </RadioGroup>
                {form.publish === 'at' && (
                  <TextField
                    id="announcement-publish-at"
                    label="Publish at"
                    type="datetime-local"
                    value={form.publishAt}
                    onChange={e => set('publishAt', e.target.value)}
                    InputLabelProps={{ shrink: true }}
                    variant="outlined"
                    size="small"
                    error={!!problem('publishAt')}
                    helperText={
                      problem('publishAt') ??
                      'Readers are notified at that time.'
                    }
                  />
                )}
              </Grid>
            )}
            <Grid item xs={12} sm={6}>
              <TextField
                id="announcement-expires-at"
                label="Expires (optional)"
                type="datetime-local"
                value={form.expiresAt}
                onChange={e => set('expiresAt', e.target.value)}
                InputLabelProps={{ shrink: true }}
                variant="outlined"
                size="small"
                error={!!problem('expiresAt')}
                helperText={
                  problem('expiresAt') ??
                  'After this it leaves the lists and banners.'
                }
              />
            </Grid>
          </Grid>

          <Grid container spacing={2} className={classes.section}>
            <Grid item xs={12} sm={6}>
              <TextField
                select
                id="announcement-on-behalf-of"
                label="Post as"
                fullWidth
                value={form.onBehalfOf}
                onChange={e => set('onBehalfOf', e.target.value)}
                SelectProps={{ native: true }}
                InputLabelProps={{ shrink: true }}
                variant="outlined"
                size="small"
                helperText="Post on behalf of one of your teams."
              >
                <option value="">Myself</option>
                {groups.map(group => (
                  <option key={group} value={group}>
                    {humanizeEntityRef(parseEntityRef(group), {
                      defaultKind: 'group',
                    })}
                  </option>
                ))}
              </TextField>
            </Grid>
            <Grid item xs={12} sm={6}>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={form.pinned}
                    onChange={e => set('pinned', e.target.checked)}
                    color="primary"
                  />
                }
                label="Pinned"
              />
              {!published && (
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={form.draft}
                      onChange={e => set('draft', e.target.checked)}
                      color="primary"
                    />
                  }
                  label="Draft"
                />
              )}
              <Typography variant="caption" component="p" color="textSecondary">
                Pinned posts stay on top; pinned maintenance and incidents show
                as a banner. A draft is neither published nor delivered.
              </Typography>
            </Grid>
          </Grid>

          {checked && Object.keys(problems).length > 0 && (
            <Box mt={2}>
              <Alert severity="warning">
                {Object.values(problems).map(message => (
                  <div key={message}>{message}</div>
                ))}
              </Alert>
            </Box>
          )}
          {error && (
            <Box mt={2}>
              <Alert severity="error" data-testid="announcement-error">
                {error}
              </Alert>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saving || !required}
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
