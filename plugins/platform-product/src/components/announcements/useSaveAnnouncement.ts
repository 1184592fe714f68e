import { useApi } from '@backstage/core-plugin-api';
import {
  Announcement,
  AnnouncementFields,
} from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import { errorMessage } from '../shared/errorMessage';
import { saveOf } from './announcementForm';

/**
 * The submit logic of the announcement dialog: sends what the form asks (a new
 * post, or what changed in `post`), hands the saved post to `onSaved`, and keeps
 * the server's message when it refuses.
 */
export function useSaveAnnouncement(options: {
  post?: Announcement;
  productRef?: string;
  onSaved: (post: Announcement) => void;
}): {
  saving: boolean;
  error?: string;
  /** resolves to whether the dialog is done (saved, or nothing to save) */
  save: (fields: AnnouncementFields) => Promise<boolean>;
  clearError: () => void;
} {
  const { post, productRef, onSaved } = options;
  const api = useApi(platformProductApiRef);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const save = async (fields: AnnouncementFields) => {
    const request = saveOf(fields, { post, productRef });
    if (request.kind === 'unchanged') return true;
    setSaving(true);
    setError(undefined);
    try {
      const saved =
        request.kind === 'create'
          ? await api.createAnnouncement(request.request)
          : await api.updateAnnouncement(request.id, request.change);
      onSaved(saved);
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setSaving(false);
    }
  };

  return { saving, error, save, clearError: () => setError(undefined) };
}
