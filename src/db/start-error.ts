/** Errors of opening the database. Kept light: the CLI imports this before anything heavy. */
import { HubError } from '../domain/errors';

/** A start that cannot go on; its message is the one line the CLI prints (exit 1). */
export class DatabaseStartError extends HubError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('database_start_failed', message, { cause: options.cause });
  }
}

/** The ORM opened but cannot reach PostgreSQL; `reason` is the driver's own explanation. */
export class DatabaseUnreachableError extends HubError {
  constructor(readonly reason: string) {
    super('database_unreachable', `database_unreachable: ${reason}`, { retryable: true });
  }
}
