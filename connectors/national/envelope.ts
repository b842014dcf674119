import { ConfigurationError, ConnectorError, UpstreamProtocolError } from '../kit/errors';
import { envelopeSchema, sessionSchema } from './records';

/**
 * HTTP 200 answers that carry an error (upstream-apis.md §1, the `error_code` table),
 * turned into typed errors the kit's retry and auth handling understand.
 */

export const BAD_CREDENTIALS = -1;
export const NOT_FOUND = -2;
export const SESSION_EXPIRED = -401;
export const INTERNAL = -500;

export function classifySession(body: unknown): void {
  const parsed = sessionSchema.safeParse(body);
  if (!parsed.success) throw badEnvelope('session', parsed.error);
  const { error_code: code, message } = parsed.data;
  if (code === BAD_CREDENTIALS) {
    throw new ConfigurationError(
      'national_bad_credentials',
      'NATIONAL_USERNAME/NATIONAL_PASSWORD',
      'The national database refused the login',
    );
  }
  if (code !== 0 || !parsed.data.session) {
    throw new UpstreamProtocolError(
      'national_session_failed',
      code,
      `login failed: error_code ${code} ${message ?? ''}`,
      {
        retryable: code === INTERNAL,
      },
    );
  }
}

/** HTTP 200 with a non-zero `error_code` (§1 table). */
export function classifyEnvelope(service: string, body: unknown): void {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) throw badEnvelope(service, parsed.error);
  const { error_code: code, message } = parsed.data;
  if (code === 0) return;
  const text = `${service}: error_code ${code} ${message ?? ''}`.trim();
  if (code === NOT_FOUND) throw new UpstreamProtocolError('national_not_found', code, text);
  if (code === SESSION_EXPIRED) throw new UpstreamProtocolError('national_session_expired', code, text);
  if (code === INTERNAL)
    throw new UpstreamProtocolError('national_internal_error', code, text, { retryable: true });
  throw new UpstreamProtocolError('national_service_error', code, text);
}

export function badEnvelope(service: string, cause: unknown): ConnectorError {
  return new ConnectorError('national_bad_envelope', `${service}: unexpected response shape`, { cause });
}
