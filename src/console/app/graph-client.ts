/**
 * The console's only backend is the graph at /graphql. Requests are POSTs with JSON
 * (Apollo's CSRF prevention accepts them without a preflight header) carrying the key.
 */
import { Client, type CombinedError, cacheExchange, fetchExchange, mapExchange } from '@urql/core';

export const GRAPH_URL = '/graphql';

export function createGraphClient(apiKey: string, onUnauthenticated: () => void): Client {
  return new Client({
    url: GRAPH_URL,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: { 'x-api-key': apiKey } }),
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (errorCode(error) === 'UNAUTHENTICATED') onUnauthenticated();
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

/** Checks a key by asking the graph the one question every valid key may ask. */
export async function probeKey(apiKey: string): Promise<'ok' | 'invalid' | { error: string }> {
  try {
    const res = await fetch(GRAPH_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    if (code === 'UNAUTHENTICATED') return 'invalid';
    if (!res.ok && code !== 'FORBIDDEN') return { error: `HTTP ${res.status}` };
    return 'ok';
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
