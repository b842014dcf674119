/**
 * Sign-in with an API key, kept in sessionStorage (gone when the browser session ends).
 * What the console shows follows the key's principal: its role, agency scope and pii grant.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { createGraphClient } from './graph-client';

export type Role = 'VIEWER' | 'AUDITOR' | 'INTEGRATOR' | 'ADMIN';

export interface Principal {
  role: Role;
  pii: boolean;
  /** The agency the key is limited to (with its children), or null for the whole province. */
  agency: string | null;
}

const KEY_STORAGE = 'tthc-console-key';

interface Session {
  principal: Principal;
  /** For the hub's exports (downloads), which take the same key as the graph. */
  apiKey: string;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in session');
  return s;
}

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function storeKey(key: string): void {
  sessionStorage.setItem(KEY_STORAGE, key);
}

/**
 * Until the graph tells a key's role (stored keys with roles), every valid key is the
 * bootstrap ADMIN key, the only kind the hub has.
 */
const BOOTSTRAP_PRINCIPAL: Principal = { role: 'ADMIN', pii: true, agency: null };

export function SessionProvider({
  apiKey,
  onSignOut,
  children,
}: {
  apiKey: string;
  onSignOut(): void;
  children: ReactNode;
}) {
  const [principal] = useState<Principal>(BOOTSTRAP_PRINCIPAL);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(KEY_STORAGE);
    onSignOut();
  }, [onSignOut]);
  const client = useMemo(() => createGraphClient(apiKey, signOut), [apiKey, signOut]);
  const session = useMemo(() => ({ principal, apiKey, signOut }), [principal, apiKey, signOut]);
  return (
    <UrqlProvider value={client}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </UrqlProvider>
  );
}
