import { useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import { IdentityApi, SignInPageProps } from '@backstage/core-plugin-api';
import Avatar from '@material-ui/core/Avatar';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemAvatar from '@material-ui/core/ListItemAvatar';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';

/** Must match DEMO_USER_COOKIE in packages/backend/src/demoSignIn.ts. */
const DEMO_USER_COOKIE = 'demo-user';

/** Demo catalog users (examples/org.yaml) worth signing in as, one per role. */
export const DEMO_USERS = [
  {
    name: 'jane.doe',
    title: 'Jane Doe',
    role: 'Product manager of the Deployment Platform (Platform Team)',
  },
  {
    name: 'kim.nguyen',
    title: 'Kim Nguyen',
    role: 'Developer on the Payments Team, which deploys with the Deployment Platform',
  },
  {
    name: 'chen.wei',
    title: 'Chen Wei',
    role: 'Observability Team, which builds the Observability Platform',
  },
  {
    name: 'alex.morgan',
    title: 'Alex Morgan',
    role: 'Platform Team and Backstage admin (moderates feedback, posts global news)',
  },
];

function readDemoUser(): string | undefined {
  return document.cookie
    .split(';')
    .map(part => part.trim())
    .find(part => part.startsWith(`${DEMO_USER_COOKIE}=`))
    ?.slice(DEMO_USER_COOKIE.length + 1);
}

function writeDemoUser(name: string | undefined) {
  document.cookie = name
    ? `${DEMO_USER_COOKIE}=${encodeURIComponent(name)}; path=/; SameSite=Lax`
    : `${DEMO_USER_COOKIE}=; path=/; max-age=0`;
}

/** Signing out forgets the demo user, so the next sign-in can pick another one. */
function forgettingDemoUserOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      writeDemoUser(undefined);
      await identity.signOut();
    },
  };
}

/**
 * The demo's sign-in page: pick a demo user to act as (the backend's demo sign-in reads
 * the choice from a cookie). Once picked, the app signs in as them until they sign out.
 */
export const DemoSignInPage = (props: SignInPageProps) => {
  const [user, setUser] = useState(readDemoUser);
  if (user) {
    return (
      <ProxiedSignInPage
        provider="guest"
        onSignInSuccess={identity =>
          props.onSignInSuccess(forgettingDemoUserOnSignOut(identity))
        }
      />
    );
  }
  return (
    <Page themeId="home">
      <Header
        title="Platform Product demo"
        subtitle="Sign in as one of the demo catalog's users"
      />
      <Content>
        <Grid container justifyContent="center">
          <Grid item xs={12} md={8} lg={6}>
            <InfoCard title="Who are you today?">
              <Typography variant="body2" color="textSecondary" paragraph>
                Each user sees the suite from their role: a product manager
                triages feedback and posts news, a developer gives feedback and
                hears back.
              </Typography>
              <List>
                {DEMO_USERS.map(demoUser => (
                  <ListItem
                    key={demoUser.name}
                    button
                    onClick={() => {
                      writeDemoUser(demoUser.name);
                      setUser(demoUser.name);
                    }}
                  >
                    <ListItemAvatar>
                      <Avatar>{demoUser.title.charAt(0)}</Avatar>
                    </ListItemAvatar>
                    <ListItemText
                      primary={`Sign in as ${demoUser.title}`}
                      secondary={demoUser.role}
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
};
