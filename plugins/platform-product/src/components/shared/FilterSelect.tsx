import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(
  theme => ({
    bar: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(2),
    },
    filter: { minWidth: theme.spacing(21) },
  }),
  { name: 'PlatformProductFilterBar' },
);

/** The row of a list's filters, wrapping on narrow screens; `classes.filter` sizes a select in it. */
export const FilterBar = (props: {
  children: ReactNode;
  className?: string;
}) => {
  const classes = useStyles();
  return (
    <Box className={`${classes.bar} ${props.className ?? ''}`}>
      {props.children}
    </Box>
  );
};

export const useFilterBarStyles = useStyles;

/** A select whose options load from the server: disabled until they do, then an error naming them. */
export function loadingOptions(
  state: { loading: boolean; error?: Error },
  what: string,
): { disabled: boolean; error?: string } {
  return {
    disabled: state.loading,
    error: state.error ? `Could not load ${what}` : undefined,
  };
}

/**
 * A small outlined native select for a list's filter bar: the lists of news and feedback.
 * With `allLabel`, an empty first option stands for "no filter".
 */
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
  allLabel?: string;
  className?: string;
  disabled?: boolean;
  /** shown under the select, marked as an error */
  error?: string;
  fullWidth?: boolean;
}) {
  const { id, label, value, onChange, options, allLabel, className } = props;
  return (
    <TextField
      select
      id={id}
      label={label}
      value={value}
      onChange={e => onChange(e.target.value)}
      SelectProps={{ native: true }}
      variant="outlined"
      size="small"
      className={className}
      fullWidth={props.fullWidth}
      InputLabelProps={{ shrink: true }}
      disabled={props.disabled}
      error={!!props.error}
      helperText={props.error}
    >
      {allLabel !== undefined && <option value="">{allLabel}</option>}
      {options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}

/** The options of a select over `values`, each shown by its label. */
export function labelledOptions<V extends string>(
  values: readonly V[],
  labels: Record<V, ReactNode>,
): Array<{ value: V; label: ReactNode }> {
  return values.map(value => ({ value, label: labels[value] }));
}

/** A text field of a list's filter bar. */
export function FilterTextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  type?: 'search';
  className?: string;
}) {
  return (
    <TextField
      id={props.id}
      label={props.label}
      type={props.type}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      variant="outlined"
      size="small"
      className={props.className}
      placeholder={props.placeholder}
      InputLabelProps={{ shrink: true }}
    />
  );
}

/** The search field of a list's filter bar: titles and text. */
export const SearchField = (props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) => (
  <FilterTextField
    {...props}
    label="Search"
    type="search"
    placeholder="Search titles and text"
  />
);
