import TextField from '@material-ui/core/TextField';
import { ReactNode } from 'react';

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
