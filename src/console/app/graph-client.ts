/**
 * The console's only backend is the graph at /graphql. Requests are POSTs with JSON
 * (Apollo's CSRF prevention accepts them without a preflight header) carrying the
 * session's key or token.
 */
import { Client, type CombinedError, cacheExchange, fetchExchange, mapExchange } from '@urql/core';

export const GRAPH_URL = '/graphql';

export function createGraphClient(
  headers: Record<string, string>,
  onUnauthenticated: (message: string) => void,
): Client {
  return new Client({
    url: GRAPH_URL,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers }),
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (errorCode(error) === 'UNAUTHENTICATED')
            onUnauthenticated(error.graphQLErrors[0]?.message ?? error.message);
        },
      }),
      fetchExchange,
    ],
  });
}

/** The first `extensions.code` of a result's errors (HTTP errors carry them too). */
export function errorCode(error: CombinedError | undefined): string | null {
  if (!error) return null;
  for (const e of error.graphQLErrors) {
    const code = e.extensions?.code;
    if (typeof code === 'string') return code;
  }
  return error.networkError ? 'NETWORK' : null;
}

/** Checks a key before it is kept, by asking the graph who it is (any valid key may). */
export async function probeKey(apiKey: string): Promise<'ok' | 'invalid' | { error: string }> {
  try {
    const res = await fetch(GRAPH_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    if (code === 'UNAUTHENTICATED') return 'invalid';
    if (!res.ok) return { error: `HTTP ${res.status}` };
    return 'ok';
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
