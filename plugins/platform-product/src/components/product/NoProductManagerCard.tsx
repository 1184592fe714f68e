import { ANNOTATION_EDIT_URL } from '@backstage/catalog-model';
import { CodeSnippet, InfoCard, LinkButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import EditIcon from '@material-ui/icons/Edit';
import WarningIcon from '@material-ui/icons/Warning';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';

const useStyles = makeStyles(
  theme => ({
    card: {
      borderTop: `4px solid ${theme.palette.warning.main}`,
    },
    title: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1),
    },
    icon: { color: theme.palette.warning.main },
    code: {
      fontFamily: 'monospace',
      backgroundColor: theme.palette.background.default,
      padding: theme.spacing(0.25, 0.5),
      borderRadius: 4,
    },
  }),
  { name: 'PlatformProductNoManagerCard' },
);

/** The product has no product manager: say so, why it matters, and how to fix it. */
export const NoProductManagerCard = (props: {
  entity: PlatformProductEntityV1alpha1;
}) => {
  const classes = useStyles();
  const editUrl = props.entity.metadata.annotations?.[ANNOTATION_EDIT_URL];
  return (
    <InfoCard
      className={classes.card}
      variant="gridItem"
      title={
        <span className={classes.title}>
          <WarningIcon className={classes.icon} />
          No product manager
        </span>
      }
    >
      <Typography variant="body1" paragraph>
        Nobody owns this product's vision and roadmap, or the conversation with
        its users. Without a product manager, feedback goes unanswered and
        priorities are set by whoever asks loudest.
      </Typography>
      <Typography variant="body2" paragraph>
        To fix it, name one in the product's catalog YAML by setting{' '}
        <code className={classes.code}>spec.productManager</code> to a user:
      </Typography>
      <CodeSnippet
        language="yaml"
        text={'spec:\n  productManager: user:default/<name>'}
      />
      {editUrl && (
        <Box mt={2}>
          <LinkButton
            to={editUrl}
            variant="outlined"
            color="primary"
            startIcon={<EditIcon />}
          >
            Edit catalog YAML
          </LinkButton>
        </Box>
      )}
    </InfoCard>
  );
};
