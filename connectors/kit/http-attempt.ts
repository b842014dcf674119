import type { AxiosInstance, AxiosResponse } from 'axios';
import { ConnectorError } from './errors';
import type { AuthMaterial, HttpRequest } from './http-types';

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * One HTTP call: send, enforce the whole-response deadline, check the status, parse the
 * body ourselves (so a truncated body is a retryable `bad_body`, not a crash) and run
 * the caller's envelope check. Every failure comes out as a ConnectorError.
 */
export async function sendOnce(
  axios: AxiosInstance,
  request: HttpRequest,
  auth: AuthMaterial,
  timeoutMs: number,
): Promise<unknown> {
  const method = request.method ?? (request.json || request.form ? 'POST' : 'GET');
  const controller = new AbortController();
  let timedOut = false;
  // axios' own `timeout` is a socket idle timer: a body that trickles in never trips it.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });
  if (request.signal?.aborted) controller.abort();

  let response: AxiosResponse<string>;
  try {
    response = await axios.request<string>({
      method,
      url: request.url,
      params: request.params,
      headers: { ...request.headers, ...auth.headers, ...bodyHeaders(request) },
      data: encodeBody(request, auth),
      signal: controller.signal,
    });
  } catch (error) {
    throw sendFailure(error, {
      method,
      url: request.url,
      timeoutMs,
      timedOut,
      cancelled: request.signal?.aborted,
    });
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onCallerAbort);
  }

  refuseStatus(response, method, request.url);
  const data = parseJson(response.data, method, request.url);
  request.classify?.(data);
  return data;
}

/** Why the request got no answer: the whole-response deadline, the caller, or the network. */
function sendFailure(
  error: unknown,
  at: { method: string; url: string; timeoutMs: number; timedOut: boolean; cancelled?: boolean },
): ConnectorError {
  const { method, url } = at;
  if (at.timedOut) {
    return new ConnectorError('timeout', `${method} ${url} took longer than ${at.timeoutMs} ms`, {
      retryable: true,
      cause: error,
    });
  }
  if (at.cancelled) return new ConnectorError('aborted', `${method} ${url} was cancelled`, { cause: error });
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  return new ConnectorError('network_error', `${method} ${url} failed: ${String(code ?? '')} ${detail}`, {
    retryable: true,
    cause: error,
  });
}

/** An answer outside 2xx as a ConnectorError with its status and Retry-After. */
function refuseStatus(response: AxiosResponse<string>, method: string, url: string): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  const retryAfter = response.headers['retry-after'];
  throw new ConnectorError(`http_${status}`, `${method} ${url} answered HTTP ${status}`, {
    status,
    retryable: RETRYABLE_STATUSES.has(status),
    ...(typeof retryAfter === 'string' ? { retryAfter } : {}),
  });
}

function parseJson(text: unknown, method: string, url: string): unknown {
  const body = typeof text === 'string' ? text : '';
  try {
    return JSON.parse(body);
  } catch {
    // Neither the body nor the SyntaxError (V8 quotes the body in it): it may hold personal data.
    throw new ConnectorError(
      'bad_body',
      `${method} ${url}: response is not valid JSON (${body.length} chars)`,
      {
        retryable: true,
      },
    );
  }
}

function bodyHeaders(request: HttpRequest): Record<string, string> {
  if (request.form) return { 'content-type': 'application/x-www-form-urlencoded' };
  if (request.json) return { 'content-type': 'application/json' };
  return {};
}

function encodeBody(request: HttpRequest, auth: AuthMaterial): string | undefined {
  if (request.form) return new URLSearchParams(request.form).toString();
  if (request.json) return JSON.stringify({ ...request.json, ...auth.body });
  return undefined;
}
