/**
 * A signed-in session: the credential (src/console/app/credential.ts) and who it is, read
 * from the graph's `viewer` before any page shows. What the console shows follows it: the
 * role's capabilities, the agency scope and the pii grant.
 */
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { Provider as UrqlProvider, useQuery } from 'urql';
import { QueryState } from './components/QueryState';
import { authHeaders, type Credential } from './credential';
import { createGraphClient } from './graph-client';
import { ViewerDocument, type ViewerViewFragment } from './graphql/generated';
import { useI18n } from './i18n';

export type Principal = ViewerViewFragment;

interface Session {
  principal: Principal;
  /** For the hub's exports (downloads), which take the same credential as the graph. */
  headers: Record<string, string>;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in session');
  return s;
}

function WhoAmI({
  headers,
  signOut,
  children,
}: {
  headers: Record<string, string>;
  signOut(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [viewer] = useQuery({ query: ViewerDocument, requestPolicy: 'network-only' });
  const principal = viewer.data?.viewer;
  const session = useMemo(
    () => (principal ? { principal, headers, signOut } : null),
    [principal, headers, signOut],
  );
  if (!session) {
    return (
      <main className="signin">
        <QueryState fetching={viewer.fetching} error={viewer.error} hasData={false}>
          {null}
        </QueryState>
        {viewer.error && (
          <button type="button" onClick={signOut}>
            {t('signout')}
          </button>
        )}
      </main>
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function SessionProvider({
  credential,
  onSignOut,
  children,
}: {
  credential: Credential;
  /** With the graph's reason when it refused the credential (expired token, revoked key). */
  onSignOut(reason?: string): void;
  children: ReactNode;
}) {
  const headers = useMemo(() => authHeaders(credential), [credential]);
  const client = useMemo(() => createGraphClient(headers, onSignOut), [headers, onSignOut]);
  const signOut = useMemo(() => () => onSignOut(), [onSignOut]);
  return (
    <UrqlProvider value={client}>
      <WhoAmI headers={headers} signOut={signOut}>
        {children}
      </WhoAmI>
    </UrqlProvider>
  );
}
