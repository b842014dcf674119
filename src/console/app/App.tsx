import { useCallback, useState } from 'react';
import { Layout } from './components/Layout';
import { OidcCallback } from './components/OidcCallback';
import { Refused } from './components/Refused';
import { SignIn, type SignInNotice } from './components/SignIn';
import { type Credential, forgetCredential, storeCredential, storedCredential } from './credential';
import { I18nProvider } from './i18n';
import { isOidcCallback } from './oidc';
import { pageAllowed } from './pages';
import { FindingsPage } from './pages/Findings';
import { OverviewPage } from './pages/Overview';
import { PlanPage } from './pages/Plan';
import { ReportsPage } from './pages/Reports';
import { SyncPage } from './pages/Sync';
import { SessionProvider, useSession } from './session';
import { navigate, type PageId, useLocation } from './url';

function Page({ page }: { page: PageId }) {
  const { principal } = useSession();
  if (!pageAllowed(page, principal)) return <Refused page={page} role={principal.role} />;
  switch (page) {
    case 'findings':
      return <FindingsPage />;
    case 'reports':
      return <ReportsPage />;
    case 'plan':
      return <PlanPage />;
    case 'sync':
      return <SyncPage />;
    default:
      return <OverviewPage />;
  }
}

function SignedIn({ credential, onSignOut }: { credential: Credential; onSignOut(reason?: string): void }) {
  const { page } = useLocation();
  return (
    <SessionProvider credential={credential} onSignOut={onSignOut}>
      <Layout page={page}>
        <Page page={page} />
      </Layout>
    </SessionProvider>
  );
}

export function App() {
  const [credential, setCredential] = useState<Credential | null>(storedCredential);
  // Why the last session ended, when the hub said (an expired token, a revoked key), or why
  // the issuer sign-in failed.
  const [notice, setNotice] = useState<SignInNotice | null>(null);
  const [callback, setCallback] = useState(isOidcCallback);
  const signIn = useCallback((c: Credential) => {
    storeCredential(c);
    setNotice(null);
    setCredential(c);
  }, []);
  const signOut = useCallback((reason?: string) => {
    forgetCredential();
    setCredential(null);
    setNotice(reason ? { text: reason, ended: true } : null);
  }, []);
  let body: JSX.Element;
  if (callback) {
    body = (
      <OidcCallback
        onDone={(token, returnTo) => {
          navigate(returnTo, true);
          signIn({ kind: 'token', secret: token });
          setCallback(false);
        }}
        onFailed={(message) => {
          navigate('/console/', true);
          setNotice({ text: message, ended: false });
          setCallback(false);
        }}
      />
    );
  } else if (credential) {
    body = <SignedIn credential={credential} onSignOut={signOut} />;
  } else {
    body = <SignIn notice={notice} onSignedIn={(key) => signIn({ kind: 'key', secret: key })} />;
  }
  return <I18nProvider>{body}</I18nProvider>;
}
