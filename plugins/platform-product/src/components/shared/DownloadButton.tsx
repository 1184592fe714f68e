import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import { ReactNode, useState } from 'react';
import { errorMessage } from './errorMessage';

/** Saves a file the browser got through the fetchApi (so with the user's token). */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/**
 * A button that downloads a file from the backend through the API client (a plain
 * link would go without the user's token); a failure shows as an alert.
 */
export const DownloadButton = (props: {
  download: () => Promise<Blob>;
  fileName: string;
  /** what could not be downloaded, for the alert: "the feedback" */
  what: string;
  icon: ReactNode;
  children: ReactNode;
  color?: 'default' | 'primary';
}) => {
  const { download, fileName, what, icon, children, color } = props;
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      saveBlob(await download(), fileName);
    } catch (e) {
      alertApi.post({
        message: `Could not download ${what}: ${errorMessage(e)}`,
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
    >
      {children}
    </Button>
  );
};
