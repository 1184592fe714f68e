import {
  Content,
  Header,
  InfoCard,
  Link,
  Page,
} from '@backstage/core-components';
import {
  Grid,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
} from '@material-ui/core';
import AnnouncementIcon from '@material-ui/icons/Announcement';
import CategoryIcon from '@material-ui/icons/Category';
import ExtensionIcon from '@material-ui/icons/Extension';
import WidgetsIcon from '@material-ui/icons/Widgets';
import {
  PlatformNewsBanner,
  PlatformNewsHomeCard,
} from '@platform-product/plugin-platform-product';

const links = [
  {
    to: '/catalog?filters[kind]=platformproduct',
    text: 'Platform products',
    icon: <WidgetsIcon color="primary" />,
  },
  {
    to: '/platform-news',
    text: 'Platform news',
    icon: <AnnouncementIcon color="primary" />,
  },
  {
    to: '/catalog',
    text: 'Software catalog',
    icon: <CategoryIcon color="primary" />,
  },
  { to: '/api-docs', text: 'APIs', icon: <ExtensionIcon color="primary" /> },
];

/** The demo home page: global banners, the platform news and a few ways in. */
export const HomePage = () => (
  <Page themeId="home">
    <Header
      title="Welcome"
      subtitle="Everything the platform teams offer you"
    />
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12} style={{ padding: 0 }}>
          <PlatformNewsBanner />
        </Grid>
        <Grid item xs={12} md={8}>
          <PlatformNewsHomeCard />
        </Grid>
        <Grid item xs={12} md={4}>
          <InfoCard title="Get around">
            <List dense disablePadding>
              {links.map(link => (
                <ListItem key={link.to} disableGutters>
                  <ListItemIcon>{link.icon}</ListItemIcon>
                  <ListItemText
                    primary={<Link to={link.to}>{link.text}</Link>}
                  />
                </ListItem>
              ))}
            </List>
          </InfoCard>
        </Grid>
      </Grid>
    </Content>
  </Page>
);
