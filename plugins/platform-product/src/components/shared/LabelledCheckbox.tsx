import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';

/** A checkbox with its label beside it. */
export const LabelledCheckbox = (props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) => (
  <FormControlLabel
    control={
      <Checkbox
        checked={props.checked}
        onChange={e => props.onChange(e.target.checked)}
        color="primary"
      />
    }
    label={props.label}
  />
);
