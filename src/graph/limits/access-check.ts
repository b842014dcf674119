/** Refuses an operation that reaches a field or type the caller's role does not grant. */
import { hasCapability, type Principal, rootFieldCapability, typeCapability } from '../auth';
import { codedError } from '../errors';
import type { OperationMeasure } from './analyze';

export function enforceAccess(principal: Principal, m: OperationMeasure): void {
  const { role } = principal;
  if (m.introspection && !hasCapability(role, 'introspection')) {
    throw codedError('FORBIDDEN', `introspection is not available to the ${role} role`);
  }
  for (const field of m.rootFields) {
    if (field.startsWith('__')) continue;
    const needed = rootFieldCapability(field);
    if (!hasCapability(role, needed))
      throw codedError('FORBIDDEN', `${field} is not available to the ${role} role`, { field });
  }
  for (const type of m.types) {
    const needed = typeCapability(type);
    if (needed && !hasCapability(role, needed))
      throw codedError('FORBIDDEN', `${type} records are not available to the ${role} role`, { type });
  }
}
