import { EmptyState } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  feedbackRespondPermission,
  isPlatformProductEntity,
} from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { refOf } from '../shared/entities';
import { FeedbackPostDialog } from './FeedbackPostDialog';
import { FeedbackPostList } from './FeedbackPostList';
import { errorMessage } from './labels';
import { NpsPanel } from './NpsPanel';
import { RecentRatingsCard } from './RecentRatingsCard';

/** Downloads every rating and post as CSV (through the fetchApi, so with credentials). */
const ExportButton = (props: { productRef: string; name: string }) => {
  const api = useApi(platformProductApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const blob = await api.exportFeedback(props.productRef);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${props.name}-feedback.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      alertApi.post({
        message: `Could not export the feedback: ${errorMessage(e)}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="outlined"
      startIcon={<GetAppIcon />}
      onClick={download}
      disabled={busy}
    >
      Export CSV
    </Button>
  );
};

/**
 * The Feedback tab of a product (mount at `/feedback`): NPS with its trend and
 * the team's metrics, then the posts. `?post=<id>` opens a post, as the
 * notifications link it.
 */
export const EntityProductFeedbackContent = () => {
  const { entity } = useEntity();
  const productRef = refOf(entity);
  const [searchParams, setSearchParams] = useSearchParams();
  const [reloadKey, setReloadKey] = useState(0);
  const { allowed: canRespond } = usePermission({
    permission: feedbackRespondPermission,
    resourceRef: productRef,
  });

  if (!isPlatformProductEntity(entity)) {
    return (
      <EmptyState
        missing="info"
        title="Not a platform product"
        description={`Feedback is collected for PlatformProduct entities, but this is a ${entity.kind}.`}
      />
    );
  }

  const postId = searchParams.get('post') ?? undefined;
  const setPost = (id: string | undefined) => {
    const next = new URLSearchParams(searchParams);
    if (id) next.set('post', id);
    else next.delete('post');
    setSearchParams(next);
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <NpsPanel productRef={productRef} reloadKey={reloadKey} />
      </Grid>
      <Grid item xs={12} lg={8}>
        <FeedbackPostList
          productRef={productRef}
          onOpen={setPost}
          reloadKey={reloadKey}
          action={
            canRespond ? (
              <ExportButton
                productRef={productRef}
                name={entity.metadata.name}
              />
            ) : undefined
          }
        />
      </Grid>
      <Grid item xs={12} lg={4}>
        <RecentRatingsCard productRef={productRef} />
      </Grid>
      <FeedbackPostDialog
        postId={postId}
        canRespond={canRespond}
        onClose={() => setPost(undefined)}
        onChanged={() => setReloadKey(k => k + 1)}
      />
    </Grid>
  );
};
