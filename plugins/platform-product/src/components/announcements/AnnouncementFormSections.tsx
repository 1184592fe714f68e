import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
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
  ANNOUNCEMENT_BODY_MAX,
  ANNOUNCEMENT_LOCATION_MAX,
  ANNOUNCEMENT_SUMMARY_MAX,
  ANNOUNCEMENT_TITLE_MAX,
  ANNOUNCEMENT_TYPES,
  AnnouncementType,
  EVENT_KINDS,
  EventKind,
} from '@platform-product/plugin-platform-product-common';
import { LabelledCheckbox } from '../shared/LabelledCheckbox';
import { AnnouncementForm, FormProblems } from './announcementForm';
import {
  AnnouncementTypeIcon,
  EVENT_KIND_LABELS,
  TYPE_HINTS,
  TYPE_LABELS,
} from './labels';

/** The field sections of the announcement dialog: each shows part of the form and edits it. */

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

/** What every section gets: the form, a setter, and the problem of a field once shown. */
export type SectionProps = {
  form: AnnouncementForm;
  set: <K extends keyof AnnouncementForm>(
    key: K,
    value: AnnouncementForm[K],
  ) => void;
  /** the problem of a field, once the user has tried to submit */
  problem: (field: string) => string | undefined;
  /** whether the user has tried to submit */
  checked: boolean;
};

type DateField =
  | 'effectiveAt'
  | 'eventStart'
  | 'eventEnd'
  | 'publishAt'
  | 'expiresAt';

/** A date and time field of the form, with its problem (or `hint`) under it. */
const DateTimeField = (
  props: Pick<SectionProps, 'form' | 'set' | 'problem'> & {
    field: DateField;
    /** the field's name in the problems, when it differs (`event.start`) */
    problemOf?: string;
    id: string;
    label: string;
    hint?: string;
    required?: boolean;
    fullWidth?: boolean;
  },
) => {
  const { form, set, problem, field, id, label, hint } = props;
  const message = problem(props.problemOf ?? field);
  return (
    <TextField
      id={id}
      label={label}
      type="datetime-local"
      required={props.required}
      fullWidth={props.fullWidth}
      value={form[field]}
      onChange={e => set(field, e.target.value)}
      InputLabelProps={{ shrink: true }}
      variant="outlined"
      size="small"
      error={!!message}
      helperText={message ?? hint}
    />
  );
};

export const TypeSection = ({ form, set }: SectionProps) => {
  const classes = useStyles();
  return (
    <>
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
    </>
  );
};

/** A text the post cannot go without, marked once the user has tried to submit without it. */
const RequiredText = (
  props: Pick<SectionProps, 'form' | 'set' | 'checked'> & {
    field: 'title' | 'summary' | 'body';
    label: string;
    maxLength: number;
    hint?: string;
    multiline?: boolean;
  },
) => {
  const { form, set, checked, field } = props;
  const classes = useStyles();
  return (
    <TextField
      className={classes.section}
      id={`announcement-${field}`}
      label={props.label}
      required
      fullWidth
      multiline={props.multiline}
      minRows={props.multiline ? 6 : undefined}
      variant="outlined"
      helperText={props.hint}
      value={form[field]}
      onChange={e => set(field, e.target.value)}
      inputProps={{ maxLength: props.maxLength }}
      error={checked && !form[field].trim()}
    />
  );
};

export const TextSection = (props: SectionProps) => (
  <>
    <RequiredText
      {...props}
      field="title"
      label="Title"
      maxLength={ANNOUNCEMENT_TITLE_MAX}
    />
    <RequiredText
      {...props}
      field="summary"
      label="Summary"
      maxLength={ANNOUNCEMENT_SUMMARY_MAX}
      hint="One or two sentences: what notifications and cards show."
    />
    <RequiredText
      {...props}
      field="body"
      label="Body"
      maxLength={ANNOUNCEMENT_BODY_MAX}
      hint="Markdown: headings, lists, links, code."
      multiline
    />
  </>
);

/** When a deprecation takes effect: only for deprecations. */
export const DeprecationSection = (props: SectionProps) => {
  const classes = useStyles();
  if (props.form.type !== 'deprecation') return null;
  return (
    <Box className={classes.group}>
      <DateTimeField
        {...props}
        field="effectiveAt"
        id="announcement-effective-at"
        label="Takes effect on"
        required
        hint="Readers are asked to acknowledge a deprecation before this date."
      />
    </Box>
  );
};

const EVENT_TIMES = [
  {
    field: 'eventStart',
    problemOf: 'event.start',
    id: 'announcement-event-start',
    label: 'Starts',
  },
  {
    field: 'eventEnd',
    problemOf: 'event.end',
    id: 'announcement-event-end',
    label: 'Ends',
  },
] as const;

/** What, where and when: only for events. */
export const EventSection = (props: SectionProps) => {
  const { form, set } = props;
  const classes = useStyles();
  if (form.type !== 'event') return null;
  return (
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
      {EVENT_TIMES.map(time => (
        <Grid item xs={12} sm={6} key={time.field}>
          <DateTimeField {...props} {...time} required fullWidth />
        </Grid>
      ))}
    </Grid>
  );
};

export const TagsSection = ({ form, set }: SectionProps) => {
  const classes = useStyles();
  return (
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
  );
};

/** When the post is published (not once it is) and when it expires. */
export const ScheduleSection = (
  props: SectionProps & { published: boolean },
) => {
  const { form, set, published } = props;
  const classes = useStyles();
  return (
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
            <DateTimeField
              {...props}
              field="publishAt"
              id="announcement-publish-at"
              label="Publish at"
              hint="Readers are notified at that time."
            />
          )}
        </Grid>
      )}
      <Grid item xs={12} sm={6}>
        <DateTimeField
          {...props}
          field="expiresAt"
          id="announcement-expires-at"
          label="Expires (optional)"
          hint="After this it leaves the lists and banners."
        />
      </Grid>
    </Grid>
  );
};

/** Who the post is from, whether it is pinned, and whether it is a draft (not once published). */
export const AuthorshipSection = (
  props: SectionProps & { published: boolean; groups: string[] },
) => {
  const { form, set, published, groups } = props;
  const classes = useStyles();
  return (
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
        <LabelledCheckbox
          label="Pinned"
          checked={form.pinned}
          onChange={checked => set('pinned', checked)}
        />
        {!published && (
          <LabelledCheckbox
            label="Draft"
            checked={form.draft}
            onChange={checked => set('draft', checked)}
          />
        )}
        <Typography variant="caption" component="p" color="textSecondary">
          Pinned posts stay on top; pinned maintenance and incidents show as a
          banner. A draft is neither published nor delivered.
        </Typography>
      </Grid>
    </Grid>
  );
};

/** Every problem of the form, once the user has tried to submit. */
export const ProblemsSection = (props: {
  problems: FormProblems;
  checked: boolean;
}) => {
  const messages = Object.values(props.problems);
  if (!props.checked || !messages.length) return null;
  return (
    <Box mt={2}>
      <Alert severity="warning">
        {messages.map(message => (
          <div key={message}>{message}</div>
        ))}
      </Alert>
    </Box>
  );
};
