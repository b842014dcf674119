/** The graph's abuse limits, from the environment (src/config.ts `limits`). */
import type { GraphLimits } from '../../config';
import { codedError } from '../errors';
import type { OperationMeasure } from './analyze';

export type { GraphLimits };

export const DEFAULT_LIMITS: GraphLimits = {
  maxDepth: 15,
  maxAliases: 50,
  maxFields: 1000,
  maxCost: 25_000,
  maxBatch: 10,
  maxBodyBytes: 1024 * 1024,
  maxTokens: 20_000,
  statementTimeoutMs: 15_000,
};

export function tooComplex(measure: string, value: number, limit: number, hint: string) {
  return codedError(
    'QUERY_TOO_COMPLEX',
    `the operation's ${measure} is ${value}, above the limit of ${limit}; ${hint}`,
    {
      measure,
      value,
      limit,
    },
  );
}

/** Throws QUERY_TOO_COMPLEX for the first limit the operation passes. */
export function enforceLimits(m: OperationMeasure, limits: GraphLimits): void {
  if (m.depth > limits.maxDepth)
    throw tooComplex('depth', m.depth, limits.maxDepth, 'ask for fewer nested levels');
  if (m.aliases > limits.maxAliases)
    throw tooComplex('aliases', m.aliases, limits.maxAliases, 'send fewer aliased fields');
  if (m.fields > limits.maxFields)
    throw tooComplex('fields', m.fields, limits.maxFields, 'select fewer fields');
  if (m.cost > limits.maxCost)
    throw tooComplex('cost', m.cost, limits.maxCost, 'ask for smaller pages (first) or fewer nested lists');
}
