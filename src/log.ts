/**
 * Structured JSON logs, one event per line. Personal data and secrets never reach a log:
 * known sensitive keys are redacted here as a last line of defence, but callers must not
 * pass them in the first place.
 */
import { isatty } from 'node:tty';
import pino, { type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { errorCodeOf } from './domain/errors';

export type { Logger };

const REDACT = [
  'password',
  'secret',
  'apiKey',
  'api_key',
  'authorization',
  'headers.authorization',
  'headers["x-api-key"]',
  'key',
  'token',
  'access_token',
  'session',
  'fullname',
  'identityNumber',
  'phone',
  'email',
  'hoTen',
  'soDienThoai',
  '*.password',
  '*.secret',
  '*.apiKey',
  '*.authorization',
  '*.token',
  '*.fullname',
  '*.identityNumber',
  '*.phone',
  '*.email',
];

let root: Logger | null = null;

/**
 * `stderr`: for commands whose stdout is their answer (`hub sync` prints JSON there). On a
 * terminal the lines are pino-pretty's (colours, local time); anywhere else one JSON object
 * per line, for log collectors. Both are written synchronously: nothing is lost at exit.
 */
export function createLogger(
  level = process.env.LOG_LEVEL ?? 'info',
  to: 'stdout' | 'stderr' = 'stdout',
): Logger {
  const fd = to === 'stderr' ? 2 : 1;
  const options: LoggerOptions = {
    level,
    base: { service: 'tthc-hub' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT, censor: '[redacted]' },
  };
  if (isatty(fd)) {
    return pino(
      options,
      pretty({
        destination: fd,
        sync: true,
        colorize: true,
        ignore: 'pid,hostname,service',
        translateTime: 'SYS:HH:MM:ss.l',
      }),
    );
  }
  return pino(
    { ...options, formatters: { level: (label) => ({ level: label }) } },
    pino.destination({ fd, sync: true }),
  );
}

/** The process-wide logger; tests silence it with LOG_LEVEL=silent. */
export function logger(): Logger {
  root ??= createLogger();
  return root;
}

export function setLogger(l: Logger): void {
  root = l;
}

/**
 * The handler for a failure nobody awaits (a heartbeat, a hook, a bookkeeping write): the
 * work goes on, and the failure is logged once with its code.
 */
export function logFailure(log: Logger, event: string, what: string): (error: unknown) => void {
  return (error) =>
    log.warn(
      {
        event,
        code: errorCodeOf(error, 'unexpected_error'),
        err: { message: String((error as Error)?.message ?? error) },
      },
      what,
    );
}
