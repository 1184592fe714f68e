import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import {
  Announcement,
  CreateAnnouncementRequest,
} from '@platform-product/plugin-platform-product-common';
import { FormEvent, useState } from 'react';
import {
  AnnouncementForm,
  fieldsOf,
  formOf,
  formOfRequest,
  hasRequiredText,
  submitLabelOf,
} from './announcementForm';
import {
  AuthorshipSection,
  DeprecationSection,
  EventSection,
  ProblemsSection,
  ScheduleSection,
  SectionProps,
  TagsSection,
  TextSection,
  TypeSection,
} from './AnnouncementFormSections';
import { useMyGroups } from './useMyGroups';
import { useSaveAnnouncement } from './useSaveAnnouncement';

/**
 * Writes a new post for a product (or, without `productRef`, a global one), or
 * edits `post`: every field, those that depend on the type shown for it. A new
 * post can start from `prefill`. The server's validation messages show in the dialog.
 */
export const AnnouncementDialog = (props: {
  open: boolean;
  onClose: () => void;
  onSaved: (post: Announcement) => void;
  productRef?: string;
  /** shown in the title: "New announcement for <name>" */
  productName?: string;
  post?: Announcement;
  /** what a new post starts from (the release announcement of a shipped roadmap item) */
  prefill?: CreateAnnouncementRequest;
}) => {
  const { open, onClose, onSaved, productRef, productName, post, prefill } =
    props;
  const initialForm = () =>
    prefill && !post ? formOfRequest(prefill) : formOf(post);
  const [form, setForm] = useState<AnnouncementForm>(initialForm);
  const [checked, setChecked] = useState(false);
  const { saving, error, save, clearError } = useSaveAnnouncement({
    post,
    productRef,
    onSaved,
  });
  const groups = useMyGroups(post?.onBehalfOf);
  const published = !!post?.publishedAt;
  const { fields, problems } = fieldsOf(form);

  const sectionProps: SectionProps = {
    form,
    set: (key, value) => setForm(previous => ({ ...previous, [key]: value })),
    problem: field => (checked ? problems[field] : undefined),
    checked,
  };

  const close = () => {
    onClose();
    setForm(initialForm());
    clearError();
    setChecked(false);
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length) return;
    if (await save(fields)) close();
  };

  const forWhom = productName ? ` for ${productName}` : '';
  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="md"
      aria-labelledby="announcement-dialog-title"
    >
      <DialogTitle id="announcement-dialog-title">
        {post ? `Edit “${post.title}”` : `New announcement${forWhom}`}
      </DialogTitle>
      <form onSubmit={submit} noValidate>
        <DialogContent dividers>
          <TypeSection {...sectionProps} />
          <TextSection {...sectionProps} />
          <DeprecationSection {...sectionProps} />
          <EventSection {...sectionProps} />
          <TagsSection {...sectionProps} />
          <ScheduleSection {...sectionProps} published={published} />
          <AuthorshipSection
            {...sectionProps}
            published={published}
            groups={groups}
          />
          <ProblemsSection problems={problems} checked={checked} />
          {error && (
            <Box mt={2}>
              <Alert severity="error" data-testid="announcement-error">
                {error}
              </Alert>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saving || !hasRequiredText(form)}
          >
            {submitLabelOf(form, post)}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
