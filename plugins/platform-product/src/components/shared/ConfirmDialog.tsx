import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { ReactNode } from 'react';

/** "Delete this?": what will happen, Cancel and the action; the server's refusal shows in it. */
export const ConfirmDialog = (props: {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  /** `secondary` for what cannot be undone */
  confirmColor?: 'primary' | 'secondary';
  busy?: boolean;
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) => {
  const { open, title, children, confirmLabel, busy, error } = props;
  return (
    <Dialog open={open} onClose={props.onCancel}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText component="div">{children}</DialogContentText>
        {error && <Alert severity="error">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button
          color={props.confirmColor ?? 'secondary'}
          variant="contained"
          onClick={props.onConfirm}
          disabled={busy}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
