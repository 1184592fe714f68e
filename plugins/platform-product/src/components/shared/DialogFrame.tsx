import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { FormEvent, ReactNode } from 'react';

/**
 * An open dialog: its title (naming the dialog for screen readers), its content
 * and its buttons. With `onSubmit`, content and buttons are one form, sent by a
 * submit button among the `actions`.
 */
export const DialogFrame = (props: {
  /** the title's id */
  id: string;
  title: ReactNode;
  onClose: () => void;
  actions: ReactNode;
  children: ReactNode;
  maxWidth?: 'sm' | 'md';
  onSubmit?: (e: FormEvent) => void;
}) => {
  const { id, title, onClose, actions, children, onSubmit } = props;
  const body = (
    <>
      <DialogContent dividers>{children}</DialogContent>
      <DialogActions>{actions}</DialogActions>
    </>
  );
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth={props.maxWidth ?? 'sm'}
      aria-labelledby={id}
    >
      <DialogTitle id={id}>{title}</DialogTitle>
      {onSubmit ? (
        <form onSubmit={onSubmit} noValidate>
          {body}
        </form>
      ) : (
        body
      )}
    </Dialog>
  );
};
