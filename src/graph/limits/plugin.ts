/**
 * The per-request guard, in Apollo's didResolveOperation (after parsing, validation and
 * the choice of operation, with the variables known; before any resolver): access by
 * role, then the limits, then the key's rate budget charged with the operation's cost.
 * It runs for cached documents too, so nothing here can be skipped by repetition.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  specifiedRules,
  validate,
} from 'graphql';
import type { Logger } from '../../log';
import { seesSuggestions } from '../auth';
import type { GraphContext } from '../context';
import { codedError, isClientError, isStatementTimeout, logInternalError } from '../errors';
import { enforceAccess } from './access-check';
import { measureOperation, TooManyFields } from './analyze';
import { enforceLimits, type GraphLimits, tooComplex } from './limits';

/**
 * graphql-js's "Did you mean …?" names schema fields: only roles with introspection see it.
 * Apollo validates a document with one set of options for every caller, so for the others
 * the errors of a document that failed are replaced by graphql-js's own, validated again with
 * `hideSuggestions` (the error path only; the rules are Apollo's, graphql-js's specified
 * rules, as the hub adds none). Variables are coerced without suggestions in the executor.
 */
function withoutSuggestions(schema: GraphQLSchema, document: DocumentNode, errors: readonly Error[]): void {
  const plain = validate(schema, document, specifiedRules, { hideSuggestions: true });
  // Apollo answers with the very array it handed to validationDidEnd.
  (errors as Error[]).splice(0, errors.length, ...plain);
}

/** Adds an operation's cost to the key's minute (src/modules/keys `chargeCost`). */
export type ChargeCost = (
  em: EntityManager,
  keyName: string,
  cost: number,
  limitPerMinute: number,
) => Promise<{ allowed: boolean; retryAfterSeconds: number }>;

/** The operation's measure; an alias bomb stops the count early and is refused as one. */
function measured(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: GraphLimits,
): ReturnType<typeof measureOperation> {
  try {
    return measureOperation(schema, document, operation, variables, limits.maxFields);
  } catch (e) {
    if (!(e instanceof TooManyFields)) throw e;
    // Stopped counting early: report the alias bomb as such when it is one.
    enforceLimits({ ...e.measure, depth: 0, cost: 0 }, limits);
    throw tooComplex('fields', e.measure.fields, limits.maxFields, 'select fewer fields');
  }
}

/** Charges the operation's cost to the key's minute; a spent budget is RATE_LIMITED. */
async function chargeRate(ctx: GraphContext, cost: number, chargeCost: ChargeCost): Promise<void> {
  const rate = ctx.principal.ratePerMinute;
  if (rate === null) return;
  const charge = await chargeCost(ctx.em, ctx.principal.name, Math.max(1, cost), rate);
  if (charge.allowed) return;
  throw codedError(
    'RATE_LIMITED',
    `this key's budget of ${rate} cost units a minute is spent; retry in ${charge.retryAfterSeconds} s`,
    { retryAfterSeconds: charge.retryAfterSeconds, cost },
  );
}

/** The checks of one operation, in order; throws the first that fails. */
export type GuardOperation = (
  ctx: GraphContext,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
) => Promise<void>;

/** Access by role, then the limits, then the key's rate budget charged with the operation's cost. */
export function guardOperation(limits: GraphLimits, chargeCost: ChargeCost): GuardOperation {
  return async (ctx, schema, document, operation, variables) => {
    const measure = measured(schema, document, operation, variables, limits);
    enforceAccess(ctx.principal, measure);
    enforceLimits(measure, limits);
    ctx.cost = measure.cost;
    await chargeRate(ctx, measure.cost, chargeCost);
  };
}

export function guardPlugin(
  limits: GraphLimits,
  log: Logger,
  chargeCost: ChargeCost,
): ApolloServerPlugin<GraphContext> {
  const guard = guardOperation(limits, chargeCost);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, contextValue, schema }) {
          if (!operation) return; // Apollo has already refused it
          const pre = contextValue.preGuarded;
          if (pre && pre.query === request.query && pre.operationName === (request.operationName ?? null)) {
            await pre.outcome;
            return;
          }
          await guard(contextValue, schema, document, operation, request.variables ?? {});
        },
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const e of errors) {
            if (isStatementTimeout(e)) {
              // Which operation was slow, for the operators; the statement itself is not logged.
              log.warn(
                {
                  event: 'statement_timeout',
                  requestId: contextValue.requestId,
                  operationName,
                  path: e.path,
                },
                'a statement ran longer than STATEMENT_TIMEOUT',
              );
              continue;
            }
            if (isClientError(e)) continue;
            logInternalError(log, e, { requestId: contextValue.requestId, operationName, path: e.path });
          }
        },
        async validationDidStart({ contextValue, document, schema }) {
          if (seesSuggestions(contextValue)) return;
          return async (errors) => {
            if (errors?.length) withoutSuggestions(schema, document, errors);
          };
        },
      };
    },
  };
}
