import { useCallback, useState } from 'react';
import { Layout } from './components/Layout';
import { SignIn } from './components/SignIn';
import { I18nProvider, useI18n } from './i18n';
import { pageAllowed } from './pages';
import { FindingsPage } from './pages/Findings';
import { OverviewPage } from './pages/Overview';
import { PlanPage } from './pages/Plan';
import { ReportsPage } from './pages/Reports';
import { SyncPage } from './pages/Sync';
import { SessionProvider, storedKey, storeKey, useSession } from './session';
import { type PageId, useLocation } from './url';

function Page({ page }: { page: PageId }) {
  const { t } = useI18n();
  const { principal } = useSession();
  if (!pageAllowed(page, principal.role)) {
    return (
      <p className="notice error" role="alert" data-testid="refused">
        {t('common.forbidden')}
      </p>
    );
  }
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

function SignedIn({ apiKey, onSignOut }: { apiKey: string; onSignOut(): void }) {
  const { page } = useLocation();
  return (
    <SessionProvider apiKey={apiKey} onSignOut={onSignOut}>
      <Layout page={page}>
        <Page page={page} />
      </Layout>
    </SessionProvider>
  );
}

export function App() {
  const [key, setKey] = useState<string | null>(storedKey);
  const signOut = useCallback(() => setKey(null), []);
  return (
    <I18nProvider>
      {key ? (
        <SignedIn apiKey={key} onSignOut={signOut} />
      ) : (
        <SignIn
          onSignedIn={(k) => {
            storeKey(k);
            setKey(k);
          }}
        />
      )}
    </I18nProvider>
  );
}
