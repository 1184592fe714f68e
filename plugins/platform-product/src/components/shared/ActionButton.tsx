import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import { ReactNode, useState } from 'react';
import { errorMessage } from './errorMessage';

/**
 * An outlined button that runs an async action, disabled while it runs; a failure shows
 * as an alert: "<failure>: <the error's message>".
 */
export const ActionButton = (props: {
  action: () => Promise<void>;
  /** the alert's opening on failure: "Could not open the feed" */
  failure: string;
  icon: ReactNode;
  children: ReactNode;
  color?: 'default' | 'primary';
  title?: string;
}) => {
  const { action, failure, icon, children, color, title } = props;
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      alertApi.post({
        message: `${failure}: ${errorMessage(e)}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="outlined"
      color={color}
      startIcon={icon}
      onClick={onClick}
      disabled={busy}
      title={title}
    >
      {children}
    </Button>
  );
};
