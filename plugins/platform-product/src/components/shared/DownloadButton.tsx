import { ReactNode } from 'react';
import { ActionButton } from './ActionButton';

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
  return (
    <ActionButton
      action={async () => saveBlob(await download(), fileName)}
      failure={`Could not download ${what}`}
      icon={icon}
      color={color}
    >
      {children}
    </ActionButton>
  );
};
