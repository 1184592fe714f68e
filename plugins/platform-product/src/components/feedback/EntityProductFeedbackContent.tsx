import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Grid from '@material-ui/core/Grid';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  feedbackRespondPermission,
  isPlatformProductEntity,
} from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DownloadButton } from '../shared/DownloadButton';
import { refOf } from '../shared/entities';
import { FeedbackPostDialog } from './FeedbackPostDialog';
import { FeedbackPostList } from './FeedbackPostList';
import { NpsPanel } from './NpsPanel';
import { RecentRatingsCard } from './RecentRatingsCard';

/** Downloads every rating and post as CSV. */
const ExportButton = (props: { productRef: string; name: string }) => {
  const api = useApi(platformProductApiRef);
  return (
    <DownloadButton
      download={() => api.exportFeedback(props.productRef)}
      fileName={`${props.name}-feedback.csv`}
      what="the feedback"
      icon={<GetAppIcon />}
    >
      Export CSV
    </DownloadButton>
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
