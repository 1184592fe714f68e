import BugReportIcon from '@material-ui/icons/BugReport';
import ChatIcon from '@material-ui/icons/Chat';
import DescriptionIcon from '@material-ui/icons/Description';
import EmailIcon from '@material-ui/icons/Email';
import ForumIcon from '@material-ui/icons/Forum';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import NotificationsActiveIcon from '@material-ui/icons/NotificationsActive';
import PhoneIcon from '@material-ui/icons/Phone';

const CHANNEL_ICONS: Record<string, typeof ChatIcon> = {
  chat: ChatIcon,
  slack: ChatIcon,
  teams: ChatIcon,
  issues: BugReportIcon,
  issue: BugReportIcon,
  tickets: BugReportIcon,
  jira: BugReportIcon,
  docs: DescriptionIcon,
  documentation: DescriptionIcon,
  email: EmailIcon,
  mail: EmailIcon,
  forum: ForumIcon,
  pager: NotificationsActiveIcon,
  oncall: NotificationsActiveIcon,
  'on-call': NotificationsActiveIcon,
  phone: PhoneIcon,
};

/** The icon of a support channel type (chat, issues, docs, email...). */
export const ChannelIcon = (props: { type: string }) => {
  const Icon =
    CHANNEL_ICONS[props.type.toLocaleLowerCase('en-US')] ?? HelpOutlineIcon;
  return <Icon color="primary" titleAccess={props.type} />;
};
