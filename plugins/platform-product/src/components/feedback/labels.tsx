import ChatBubbleOutlineIcon from '@material-ui/icons/ChatBubbleOutline';
import EmojiObjectsOutlinedIcon from '@material-ui/icons/EmojiObjectsOutlined';
import FavoriteBorderIcon from '@material-ui/icons/FavoriteBorder';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import ReportProblemOutlinedIcon from '@material-ui/icons/ReportProblemOutlined';
import StarBorderIcon from '@material-ui/icons/StarBorder';
import {
  FeedbackPostType,
  FeedbackStatus,
  FeedbackType,
} from '@platform-product/plugin-platform-product-common';
import { statusChip } from '../shared/statusChip';

export const TYPE_LABELS: Record<FeedbackType, string> = {
  rating: 'Rating',
  idea: 'Idea',
  problem: 'Problem',
  question: 'Question',
  praise: 'Praise',
};

export const POST_TYPE_HINTS: Record<FeedbackPostType, string> = {
  idea: 'Something the product should do',
  problem: 'Something that does not work as it should',
  question: 'Something you want to know',
  praise: 'Something that works well',
};

export const STATUS_LABELS: Record<FeedbackStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  declined: 'Declined',
  duplicate: 'Duplicate',
};

export const FeedbackTypeIcon = (props: {
  type: FeedbackType;
  fontSize?: 'small' | 'inherit' | 'default';
}) => {
  const { type, fontSize = 'small' } = props;
  const iconProps = { fontSize, titleAccess: TYPE_LABELS[type] };
  switch (type) {
    case 'idea':
      return <EmojiObjectsOutlinedIcon {...iconProps} />;
    case 'problem':
      return <ReportProblemOutlinedIcon {...iconProps} />;
    case 'question':
      return <HelpOutlineIcon {...iconProps} />;
    case 'praise':
      return <FavoriteBorderIcon {...iconProps} />;
    case 'rating':
      return <StarBorderIcon {...iconProps} />;
    default:
      return <ChatBubbleOutlineIcon {...iconProps} />;
  }
};

export const FeedbackStatusChip = statusChip(
  'PlatformProductFeedbackStatusChip',
  STATUS_LABELS,
  theme => ({
    new: { backgroundColor: theme.palette.info.light },
    acknowledged: { backgroundColor: theme.palette.grey[300] },
    planned: {
      backgroundColor: theme.palette.primary.light,
      color: theme.palette.primary.contrastText,
    },
    'in-progress': { backgroundColor: theme.palette.warning.light },
    done: {
      backgroundColor: theme.palette.success.main,
      color: theme.palette.success.contrastText,
    },
    declined: { backgroundColor: theme.palette.grey[400] },
    duplicate: { backgroundColor: theme.palette.grey[200] },
  }),
);

export { errorMessage } from '../shared/errorMessage';
