/**
 * The `_entities` guard on its own: every role has what the hub's three entity types need
 * (`read`), so the refusal path is shown with a type whose list needs `findings`.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/graph/auth';
import type { GraphContext } from '../../src/graph/context';
import { entitiesGuard } from '../../src/graph/federation/entities-guard';

const ctxOf = (role: Principal['role']) =>
  ({
    principal: { name: 't', role, pii: false, metrics: false, agency: null, ratePerMinute: null, via: 'key' },
  }) as GraphContext;

const guard = entitiesGuard(
  (_s, args) => (args as { representations: unknown[] }).representations.map(() => 'resolved'),
  [{ typeName: 'Finding', key: 'code', sameAccessAs: 'findings', resolve: async () => null }],
);
const call = (role: Principal['role'], representations: unknown[]) =>
  guard(null, { representations }, ctxOf(role), {} as GraphQLResolveInfo);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'resolved';
};

describe('the _entities guard', () => {
  it("refuses a type to a role without its list's capability, before resolving anything", () => {
    expect(codeOf(() => call('VIEWER', [{ __typename: 'Finding', code: 'f1' }]))).toBe('FORBIDDEN');
    expect(call('AUDITOR', [{ __typename: 'Finding', code: 'f1' }])).toEqual(['resolved']);
  });

  it('refuses malformed references as BAD_USER_INPUT', () => {
    for (const r of [
      null,
      'x',
      { __typename: 'Finding' },
      { __typename: 'Finding', code: 7 },
      { code: 'f1' },
    ])
      expect(
        codeOf(() => call('ADMIN', [r])),
        JSON.stringify(r),
      ).toBe('BAD_USER_INPUT');
  });
});
