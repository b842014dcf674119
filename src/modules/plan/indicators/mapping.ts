import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { HubError } from '../../../domain/errors';
import defaultMapping from './default-mapping.json';

const rule = z
  .object({
    better: z.enum(['HIGHER', 'LOWER']),
    /** HIGHER: a value below this is AT_RISK (LOWER: above). Defaults to the target. */
    atRiskBelow: z.number().optional(),
    /** HIGHER: a value below this is MISSED (LOWER: above). None: never MISSED by value alone. */
    missedBelow: z.number().optional(),
  })
  .strict();

const indicator = z
  .object({
    name: z.string().min(1),
    formula: z.string().min(1),
    /** Null: the figure is shown and has no target; it is ON_TRACK while it can be computed. */
    target: z.number().nullable(),
    rule,
  })
  .strict();

const mappingFile = z
  .object({
    about: z.string().optional(),
    tasks: z.record(z.string().regex(/^\d+$/), z.array(z.string().min(1))),
    indicators: z.record(z.string().min(1), indicator),
  })
  .strict();

export type IndicatorRule = z.infer<typeof rule>;
export type IndicatorDefinition = z.infer<typeof indicator> & { key: string };

export interface IndicatorMapping {
  /** Indicator keys per task number; a task without any is NOT_MEASURABLE. */
  tasks: Map<number, string[]>;
  indicators: Map<string, IndicatorDefinition>;
}

/** A mapping file that is unreadable or names an indicator it does not define. */
export class IndicatorMappingError extends HubError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('plan_indicators_invalid', message, { ...options, exitCode: 2 });
  }
}

/**
 * The default mapping shipped with the hub, with PLAN_INDICATORS_FILE's tasks and
 * indicators replacing it key by key (as HOLIDAYS_DIR's years replace bundled ones).
 * A task mapped to `[]` in the override is NOT_MEASURABLE.
 */
export function loadIndicatorMapping(overrideFile: string | null = null): IndicatorMapping {
  const base = parse(defaultMapping, 'the bundled default-mapping.json');
  const override = overrideFile ? parse(readJson(overrideFile), overrideFile) : null;
  const tasks = { ...base.tasks, ...override?.tasks };
  const indicators = { ...base.indicators, ...override?.indicators };
  const mapping: IndicatorMapping = {
    tasks: new Map(Object.entries(tasks).map(([n, keys]) => [Number(n), keys])),
    indicators: new Map(Object.entries(indicators).map(([key, d]) => [key, { ...d, key }])),
  };
  for (const [task, keys] of mapping.tasks) {
    const unknown = keys.find((k) => !mapping.indicators.has(k));
    if (unknown) {
      throw new IndicatorMappingError(
        `plan indicators: task ${task} names "${unknown}", which no indicator defines`,
      );
    }
  }
  return mapping;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new IndicatorMappingError(`plan indicators: cannot read ${file}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

function parse(data: unknown, where: string): z.infer<typeof mappingFile> {
  const result = mappingFile.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new IndicatorMappingError(
    `plan indicators: ${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
}
