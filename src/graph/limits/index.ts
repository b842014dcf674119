/** Abuse limits of the graph: measured per operation, enforced before any resolver runs. */
export { measureOperation, type OperationMeasure } from './analyze';
export { DEFAULT_LIMITS, type GraphLimits } from './limits';
export { type ChargeCost, type GuardOperation, guardOperation, guardPlugin } from './plugin';
