/** `hub sync <source|all> [--full]` and `hub sync confirm <run id>`. */
import cliProgress from 'cli-progress';
import { openRuntime } from '../app';
import type { HubConfig } from '../config';
import type { Source } from '../domain/model';
import type { Logger } from '../log';
import { confirmDeletions } from '../sync/confirm';
import type { RunSummary } from '../sync/runner';
import { untilSignal } from './signals';

const NAMES: Record<string, Source> = { national: 'NATIONAL', igate: 'IGATE', pakn: 'PAKN' };

function exitCodeOf(runs: RunSummary[]): number {
  if (runs.some((r) => r.status !== 'SUCCEEDED' && r.status !== 'HELD')) return 1;
  return runs.some((r) => r.status === 'HELD') ? 3 : 0;
}

/** The source named (null: all of them), or undefined for a name that is no source. */
function sourcesOf(what: string | undefined): Source | null | undefined {
  if (what === 'all') return null;
  return what ? NAMES[what.toLowerCase()] : undefined;
}

function progressBar(source: Source): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    {
      format: `${source} {stream} |{bar}| {pages} pages, {fetched} records`,
      clearOnComplete: false,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
}

/** One source's run, its pages shown on the bar (when there is one). */
async function runShowing(
  runtime: Awaited<ReturnType<typeof openRuntime>>,
  source: Source,
  o: { full: boolean; signal: AbortSignal; bar: cliProgress.SingleBar | null },
): Promise<RunSummary> {
  const { bar } = o;
  const summary = await runtime.services.sync.run(source, {
    full: o.full,
    trigger: 'CLI',
    signal: o.signal,
    onProgress: (p) => {
      bar?.setTotal(p.pages + 1);
      bar?.update(p.pages, { stream: p.stream, pages: p.pages, fetched: p.fetched });
    },
  });
  bar?.update(bar.getTotal(), {});
  return summary;
}

export async function syncCommand(
  config: HubConfig,
  log: Logger,
  args: string[],
  full: boolean,
): Promise<number> {
  const [what, runId] = args;
  if (what === 'confirm') return confirmCommand(config, log, runId);
  const sources = sourcesOf(what);
  if (sources === undefined) {
    process.stderr.write(
      `hub sync: name a source: national, igate, pakn or all (got ${what ?? 'nothing'})\n`,
    );
    return 2;
  }
  const tty = Boolean(process.stderr.isTTY);
  // On a terminal the bar is the output; the JSON log lines would only scramble it.
  const runtime = await openRuntime(config, tty ? log.child({}, { level: 'warn' }) : log);
  const abort = new AbortController();
  void untilSignal().then(() => abort.abort());
  const summaries: RunSummary[] = [];
  try {
    const enabled = runtime.services.sync.enabledSources();
    // `all` is the configured sources; one named source must be one of them.
    if (sources && !enabled.includes(sources)) {
      process.stderr.write(`hub sync: ${sources} is not configured (set its URL, or use simulated mode)\n`);
      return 2;
    }
    for (const source of sources ? [sources] : enabled) {
      const bar = tty ? progressBar(source) : null;
      bar?.start(1, 0, { stream: '', pages: 0, fetched: 0 });
      try {
        summaries.push(await runShowing(runtime, source, { full, signal: abort.signal, bar }));
      } finally {
        bar?.stop();
      }
      if (abort.signal.aborted) break;
    }
  } finally {
    await runtime.close();
  }
  printSummaries(summaries, tty);
  return exitCodeOf(summaries);
}

/** A line per run on a terminal; the summaries as JSON otherwise. */
function printSummaries(summaries: RunSummary[], tty: boolean): void {
  const out = summaries.map(({ changedStreams: _c, ...s }) => s);
  if (tty) {
    for (const s of summaries) {
      const c = s.counts;
      process.stdout.write(
        `${s.source} run ${s.id}: ${s.status} (${s.mode}) — fetched ${c.fetched}, inserted ${c.inserted}, updated ${c.updated}, ` +
          `unchanged ${c.unchanged}, deleted ${c.deleted}, quarantined ${c.quarantined}; ${c.requests} requests, ${c.retries} retries` +
          `${s.errorCode ? `; error ${s.errorCode}: ${s.errorMessage}` : ''}${s.status === 'HELD' ? `; ${s.heldDeletions} deletions held: hub sync confirm ${s.id}` : ''}\n`,
      );
    }
  } else {
    process.stdout.write(`${JSON.stringify(out.length === 1 ? out[0] : out, null, 2)}\n`);
  }
}

async function confirmCommand(config: HubConfig, log: Logger, runId: string | undefined): Promise<number> {
  if (!runId || !/^\d+$/.test(runId)) {
    process.stderr.write('hub sync confirm: give the id of the HELD run, e.g. hub sync confirm 42\n');
    return 2;
  }
  const runtime = await openRuntime({ ...config, simulate: false }, log);
  try {
    const { deleted } = await confirmDeletions(runtime.db.orm, runId, 'cli');
    process.stdout.write(`${JSON.stringify({ runId, deleted })}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`hub sync confirm: ${(e as Error).message}\n`);
    return 1;
  } finally {
    await runtime.close();
  }
}
