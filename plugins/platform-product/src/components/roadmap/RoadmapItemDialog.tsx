import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  ROADMAP_DESCRIPTION_MAX,
  ROADMAP_HORIZONS,
  ROADMAP_TITLE_MAX,
  RoadmapHorizon,
  RoadmapItem,
  RoadmapStatus,
} from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { FormEvent, useState } from 'react';
import { DialogFrame } from '../shared/DialogFrame';
import { errorMessage } from '../shared/errorMessage';
import { FilterSelect, labelledOptions } from '../shared/FilterSelect';
import {
  HORIZON_LABELS,
  quarterLabel,
  STATUS_LABELS,
  upcomingQuarters,
} from './labels';
import {
  changeOf,
  createRequestOf,
  formOf,
  OPEN_STATUSES,
  problemsOf,
  RoadmapItemForm,
} from './roadmapItemForm';

/** No target, the next two years' quarters, and the item's own when it is outside them. */
function quarterOptions(current: string) {
  const quarters = upcomingQuarters(8);
  if (current && !quarters.includes(current)) quarters.unshift(current);
  return [
    { value: '', label: 'No target' },
    ...quarters.map(q => ({ value: q, label: quarterLabel(q) })),
  ];
}

/**
 * Creates an item on a product's roadmap (in `horizon`), or edits `item`: title,
 * markdown description, horizon, status and target quarter. The server's messages
 * show in the dialog.
 */
export const RoadmapItemDialog = (props: {
  productRef: string;
  item?: RoadmapItem;
  horizon?: RoadmapHorizon;
  onClose: () => void;
  onSaved: (item: RoadmapItem) => void;
}) => {
  const { productRef, item, horizon, onClose, onSaved } = props;
  const api = useApi(platformProductApiRef);
  const [form, setForm] = useState<RoadmapItemForm>(() =>
    formOf(item, horizon),
  );
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const problems = problemsOf(form);
  const problem = (field: keyof RoadmapItemForm) =>
    checked ? problems[field] : undefined;
  const set = <K extends keyof RoadmapItemForm>(
    key: K,
    value: RoadmapItemForm[K],
  ) => setForm(previous => ({ ...previous, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length) return;
    setSaving(true);
    setError(undefined);
    try {
      if (item) {
        const change = changeOf(form, item);
        if (change) onSaved(await api.updateRoadmapItem(item.id, change));
      } else {
        onSaved(await api.createRoadmapItem(createRequestOf(form, productRef)));
      }
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <DialogFrame
      id="roadmap-item-dialog-title"
      title={item ? `Edit “${item.title}”` : 'New roadmap item'}
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saving || !form.title.trim()}
          >
            {item ? 'Save' : 'Add to the roadmap'}
          </Button>
        </>
      }
    >
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <TextField
            id="roadmap-item-title"
            label="Title"
            value={form.title}
            onChange={e => set('title', e.target.value)}
            required
            fullWidth
            variant="outlined"
            inputProps={{ maxLength: ROADMAP_TITLE_MAX }}
            error={!!problem('title')}
            helperText={problem('title')}
          />
        </Grid>
        <Grid item xs={12}>
          <TextField
            id="roadmap-item-description"
            label="Description"
            value={form.description}
            onChange={e => set('description', e.target.value)}
            multiline
            minRows={4}
            fullWidth
            variant="outlined"
            helperText="What it is and why, for the product's users. Markdown is supported."
            inputProps={{ maxLength: ROADMAP_DESCRIPTION_MAX }}
          />
        </Grid>
        <Grid item xs={12} sm={4}>
          <FilterSelect
            id="roadmap-item-horizon"
            label="Horizon"
            value={form.horizon}
            onChange={value => set('horizon', value as RoadmapHorizon)}
            options={labelledOptions(ROADMAP_HORIZONS, HORIZON_LABELS)}
            fullWidth
          />
        </Grid>
        <Grid item xs={12} sm={4}>
          <FilterSelect
            id="roadmap-item-status"
            label="Status"
            value={form.status}
            onChange={value => set('status', value as RoadmapStatus)}
            options={labelledOptions(OPEN_STATUSES, STATUS_LABELS)}
            fullWidth
          />
        </Grid>
        <Grid item xs={12} sm={4}>
          <FilterSelect
            id="roadmap-item-quarter"
            label="Target quarter"
            value={form.targetQuarter}
            onChange={value => set('targetQuarter', value)}
            options={quarterOptions(item?.targetQuarter ?? '')}
            error={problem('targetQuarter')}
            fullWidth
          />
        </Grid>
      </Grid>
      {error && (
        <Box mt={2}>
          <Alert severity="error">{error}</Alert>
        </Box>
      )}
    </DialogFrame>
  );
};
