#!/usr/bin/env node
/** The `hub` command. */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { portProblem } from './commands/port-check';
import { ConfigError, loadConfig } from './config';
import { HubError } from './domain/errors';
import { createLogger } from './log';

/**
 * The commands load on demand: the database, the graph and the connectors take seconds to
 * import on a busy machine, and `hub --help` or a start that must fail (a busy port) should
 * not wait for them.
 */
const commands = (): typeof import('./commands') => require('./commands');

const USAGE = `usage: hub <command>

  serve                                  the graph and the schedules (npm start)
  sync <national|igate|pakn|all> [--full]  one sync now; exit code 1 when it failed, 3 when deletions are held
  sync confirm <run id>                  apply the deletions a HELD run kept back
  check [--format csv|xlsx --out FILE]   run the consistency checks now (JSON summary; exit 1 when the run failed)
                                         and write the open findings to FILE
  migrate                                apply database migrations
  keys create --role ROLE --name N [--pii] [--metrics] [--agency CODE] [--rate N]
                                         a stored API key (printed once, last line of stdout)
  keys list | keys revoke --name N       the stored keys; revoke one (fails at once everywhere)
  pii erase [--dry-run]                  erase personal data of items closed past PII_RETENTION_DAYS now (JSON counts)
  simulate                               only the three simulated portals, for trying connectors
  report dossiers (--period 2020-Q1 | --from D --to D) [--by agency|sector|level|procedure]
         [--rule provincial|national] [--roll-up] [--agency CODE] [--format json|csv|xlsx] [--out FILE]
                                         form 06 (JSON or CSV on stdout without --out)
  plan import FILE [--year Y] [--province P]  import the province's yearly plan (text, CSV or xlsx); exit code 1 when refused
  plan report --year Y [--period P] [--agency CODE] --format xlsx|csv|json --out FILE
                                         the plan's table with each task's indicators and status
                                         (use HUB_ADMIN_KEY)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel, command === 'serve' ? 'stdout' : 'stderr');
  switch (command) {
    case 'serve': {
      const problem = config.role === 'worker' ? null : await portProblem(config.port, config.host);
      if (problem) {
        process.stderr.write(`hub serve: cannot listen: ${problem}\n`);
        return 1;
      }
      return commands().serveCommand(config, log);
    }
    case 'sync': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { full: { type: 'boolean' } },
        allowPositionals: true,
      });
      return commands().syncCommand(config, log, positionals, Boolean(values.full));
    }
    case 'migrate':
      return commands().migrateCommand(config, log);
    case 'simulate':
      return commands().simulateCommand(config, log);
    case 'plan':
      return commands().planCommand(config, log, rest);
    case 'keys':
      return commands().keysCommand(config, log, rest);
    case 'pii':
      return commands().piiCommand(config, log, rest);
    case 'check': {
      const { values } = parseArgs({
        args: rest,
        options: { format: { type: 'string' }, out: { type: 'string' } },
        allowPositionals: false,
      });
      return commands().checkCommand(config, log, values);
    }
    case 'report':
      return commands().reportCommand(config, log, rest);
    default:
      process.stderr.write(`hub: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

/**
 * The command is over: whatever still holds the event loop (a socket a library left open,
 * a timer) must not keep the process alive. Unref'd, so a clean end exits at once.
 */
function exitSoon(): void {
  setTimeout(() => process.exit(), 2000).unref();
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    exitSoon();
  },
  (e) => {
    exitSoon();
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 2;
    } else if (e instanceof HubError) {
      // A coded error is a message for the operator: one line, the exit code it asks for.
      process.stderr.write(`hub: ${e.message}\n`);
      process.exitCode = e.exitCode;
    } else if (
      e?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      e?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
    ) {
      process.stderr.write(`hub: ${e.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`hub: ${e?.message ?? e}\n`);
      process.exitCode = 1;
    }
  },
);
