import { Link } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import MapOutlinedIcon from '@material-ui/icons/MapOutlined';
import { RoadmapItemSummary } from '@platform-product/plugin-platform-product-common';
import { STATUS_LABELS } from './labels';
import { useRoadmapLink } from './links';

const useStyles = makeStyles(
  theme => ({
    link: {
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      padding: theme.spacing(0.25, 1),
      borderRadius: theme.spacing(1.5),
      border: `1px solid ${theme.palette.primary.main}`,
      fontSize: theme.typography.caption.fontSize,
      lineHeight: 1.5,
    },
    shipped: {
      borderColor: theme.palette.success.main,
      color: theme.palette.success.dark,
    },
  }),
  { name: 'PlatformProductRoadmapItemChip' },
);

/**
 * "On the roadmap: <title> (<status>)" on a feedback post: the roadmap item that
 * carries it, linking to the item on the product's Roadmap tab.
 */
export const RoadmapItemChip = (props: {
  productRef: string;
  item: RoadmapItemSummary;
}) => {
  const { productRef, item } = props;
  const classes = useStyles();
  const roadmapLink = useRoadmapLink();
  return (
    <Link
      to={roadmapLink(productRef, item.id)}
      className={`${classes.link} ${
        item.status === 'shipped' ? classes.shipped : ''
      }`}
      data-testid="roadmap-item-chip"
    >
      <MapOutlinedIcon fontSize="inherit" />
      On the roadmap: {item.title} ({STATUS_LABELS[item.status]})
    </Link>
  );
};
