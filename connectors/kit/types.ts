import type { Source } from '../../src/domain/model';

/**
 * What a connector hands the sync layer. A connector knows its portal's HTTP and raw
 * shapes; it never touches the database. The sync layer writes each page in one
 * transaction together with the page's `checkpoint`, so a crash resumes after the last
 * committed page.
 */

/** A record that failed validation: kept with its (redacted) raw payload, never dropped. */
export interface Rejected {
  /** The upstream key when it could be read (MATTHC, dossier code, maPAKN…). */
  externalKey: string | null;
  /** The field that failed, dotted path (`appliedDate`, `CACHTHUCTHUCHIEN[0].KENH`). */
  field: string | null;
  reason: string;
  /** Raw payload, already redacted of personal data. */
  raw: unknown;
}

/** One mapped row plus its raw payload (redacted) for storage beside it. */
export interface Mapped<Row> {
  key: string;
  row: Row;
  raw: unknown;
}

export interface Page<Row> {
  items: Mapped<Row>[];
  rejected: Rejected[];
  /**
   * Where to resume if everything up to and including this page is committed.
   * Opaque to the sync layer; null means "start of the walk".
   */
  checkpoint: string | null;
  /**
   * The incremental cursor that holds once the whole walk is committed (the high-water
   * mark seen so far). The sync layer saves it as the stream's cursor only after the
   * walk completes.
   */
  cursor: string | null;
}

/** Counters every HTTP client updates; the sync run ledger reads them. */
export interface RequestStats {
  requests: number;
  retries: number;
  throttled: number;
  pages: number;
}

export function newRequestStats(): RequestStats {
  return { requests: 0, retries: 0, throttled: 0, pages: 0 };
}

export interface ReadOptions {
  /** Full walk (deletion detection may rely on it) or incremental from `cursor`. */
  full: boolean;
  /** The stream's saved incremental cursor (null on the first run). */
  cursor: string | null;
  /** Resume point inside an interrupted walk (a previous page's `checkpoint`). */
  resumeFrom: string | null;
  signal?: AbortSignal;
}

export interface Stream<Row> {
  /** `procedures`, `agencies`, `sectors`, `listings`, `dossiers`, `feedbacks`. */
  name: string;
  read(options: ReadOptions): AsyncIterable<Page<Row>>;
}

export interface Connector {
  source: Source;
  /** Streams in the order they must be synced (reference data first). */
  streams: Stream<unknown>[];
  stats: RequestStats;
  close?(): Promise<void>;
}
