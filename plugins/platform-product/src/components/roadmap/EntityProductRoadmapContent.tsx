import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import AddIcon from '@material-ui/icons/Add';
import NewReleasesIcon from '@material-ui/icons/NewReleases';
import Alert from '@material-ui/lab/Alert';
import {
  isPlatformProductEntity,
  releaseAnnouncementDraft,
  RoadmapItem,
  roadmapManagePermission,
} from '@platform-product/plugin-platform-product-common';
import { useRoadmap } from '@platform-product/plugin-platform-product-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AnnouncementDialog } from '../announcements/AnnouncementDialog';
import { RelativeTime } from '../announcements/dates';
import { savedPostMessage } from '../announcements/labels';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { displayNameOf, refOf } from '../shared/entities';
import { TabHeader } from '../shared/TabHeader';
import { confirmationOf } from './confirmations';
import { LinkFeedbackDialog } from './LinkFeedbackDialog';
import { RoadmapBoard } from './RoadmapBoard';
import { RoadmapChangesDialog } from './RoadmapChangesDialog';
import { RoadmapHistorySection } from './RoadmapHistorySection';
import { RoadmapItemDialog } from './RoadmapItemDialog';
import { RoadmapAction } from './RoadmapItemMenu';
import { ConfirmedChange, useRoadmapActions } from './useRoadmapActions';

/** The dialog the tab shows, if any. */
type Open =
  | { kind: 'create' }
  | { kind: 'edit'; item: RoadmapItem }
  | { kind: 'confirm'; item: RoadmapItem; change: ConfirmedChange }
  | { kind: 'link'; item: RoadmapItem }
  | { kind: 'changes'; item: RoadmapItem }
  | { kind: 'announce'; item: RoadmapItem };

/**
 * The Roadmap tab of a product (mount at `/roadmap`): Now, Next and Later with each
 * item's status, target and demand, then the shipped and dropped history. The
 * product team (`platform-product.roadmap.manage`) creates, edits, moves, ships,
 * drops and deletes items and links feedback to them. `?item=<id>` highlights one
 * item, as notifications link it.
 */
export const EntityProductRoadmapContent = () => {
  const { entity } = useEntity();
  const productRef = refOf(entity);
  const name = displayNameOf(entity);
  const [searchParams] = useSearchParams();
  const selectedId = searchParams.get('item') ?? undefined;
  const { allowed: canManage } = usePermission({
    permission: roadmapManagePermission,
    resourceRef: productRef,
  });
  const { roadmap, loading, error, retry } = useRoadmap(productRef);
  const actions = useRoadmapActions(retry);
  const [open, setOpen] = useState<Open>();

  if (!isPlatformProductEntity(entity)) {
    return (
      <EmptyState
        missing="info"
        title="Not a platform product"
        description={`A roadmap belongs to a PlatformProduct entity, but this is a ${entity.kind}.`}
      />
    );
  }
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load the roadmap" />
    );
  }
  if (!roadmap) return <Progress />;

  const act = (item: RoadmapItem, action: RoadmapAction) => {
    switch (action.kind) {
      case 'move':
        actions.move(item, {
          ...(action.horizon && { horizon: action.horizon }),
          ...(action.position !== undefined && { position: action.position }),
        });
        return;
      case 'reopen':
        actions.reopen(item);
        return;
      case 'unlink':
        actions.unlink(item, action.postId, action.postTitle);
        return;
      case 'ship':
      case 'drop':
      case 'delete':
        setOpen({ kind: 'confirm', item, change: action.kind });
        return;
      default:
        setOpen({ kind: action.kind, item });
    }
  };

  const createButton = (label: string) => (
    <Button
      variant="contained"
      color="primary"
      startIcon={<AddIcon />}
      onClick={() => setOpen({ kind: 'create' })}
    >
      {label}
    </Button>
  );

  const isEmpty = !roadmap.items.length && !roadmap.history.length;
  const itemProps = { canManage, selectedId, onAction: act };
  const { notice } = actions;
  const confirmation =
    open?.kind === 'confirm'
      ? confirmationOf(open.item, open.change)
      : undefined;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <TabHeader
          title={`Roadmap of ${name}`}
          subtitle={
            <>
              What the team builds now, next and later, and the requests behind
              each item.
              {roadmap.lastUpdatedAt && (
                <>
                  {' '}
                  Updated <RelativeTime iso={roadmap.lastUpdatedAt} />.
                </>
              )}
            </>
          }
          actions={canManage && !isEmpty ? createButton('New item') : undefined}
        />
        {notice && open?.kind !== 'confirm' && (
          <Box mt={2}>
            <Alert
              severity={notice.severity}
              onClose={() => actions.setNotice(undefined)}
              action={
                notice.shipped && canManage ? (
                  <Button
                    color="inherit"
                    size="small"
                    startIcon={<NewReleasesIcon />}
                    onClick={() =>
                      setOpen({ kind: 'announce', item: notice.shipped! })
                    }
                  >
                    Announce this release
                  </Button>
                ) : undefined
              }
            >
              {notice.message}
            </Alert>
          </Box>
        )}
        {loading && (
          <Box mt={1}>
            <Progress />
          </Box>
        )}
      </Grid>
      {isEmpty ? (
        <Grid item xs={12}>
          <EmptyState
            missing="content"
            title="No roadmap yet"
            description={
              canManage
                ? 'Show where the product is going: put what the team builds now, next and later on the roadmap, and link the feedback that asked for it. Everyone who asked hears when it ships.'
                : `The team behind ${name} has not shared a roadmap yet.`
            }
            action={
              canManage ? createButton('Create the first item') : undefined
            }
          />
        </Grid>
      ) : (
        <>
          <Grid item xs={12}>
            <RoadmapBoard items={roadmap.items} {...itemProps} />
          </Grid>
          <Grid item xs={12}>
            <RoadmapHistorySection items={roadmap.history} {...itemProps} />
          </Grid>
        </>
      )}

      {(open?.kind === 'create' || open?.kind === 'edit') && (
        <RoadmapItemDialog
          productRef={productRef}
          item={open.kind === 'edit' ? open.item : undefined}
          onClose={() => setOpen(undefined)}
          onSaved={item => {
            actions.setNotice({
              severity: 'success',
              message: `Saved “${item.title}”.`,
            });
            retry();
          }}
        />
      )}
      {open?.kind === 'confirm' && confirmation && (
        <ConfirmDialog
          open
          title={confirmation.title}
          confirmLabel={confirmation.label}
          confirmColor={open.change === 'ship' ? 'primary' : 'secondary'}
          busy={actions.busy}
          error={notice?.severity === 'error' ? notice.message : undefined}
          onCancel={() => {
            actions.setNotice(undefined);
            setOpen(undefined);
          }}
          onConfirm={async () => {
            if (await actions.confirm(open.item, open.change)) {
              setOpen(undefined);
            }
          }}
        >
          {confirmation.text}
        </ConfirmDialog>
      )}
      {open?.kind === 'link' && (
        <LinkFeedbackDialog
          item={open.item}
          onClose={() => setOpen(undefined)}
          onLinked={retry}
        />
      )}
      {open?.kind === 'changes' && (
        <RoadmapChangesDialog
          item={open.item}
          onClose={() => setOpen(undefined)}
        />
      )}
      {open?.kind === 'announce' && (
        <AnnouncementDialog
          open
          productRef={productRef}
          productName={name}
          prefill={releaseAnnouncementDraft(open.item)}
          onClose={() => setOpen(undefined)}
          onSaved={post =>
            actions.setNotice({
              severity: 'success',
              message: savedPostMessage(post),
            })
          }
        />
      )}
    </Grid>
  );
};
