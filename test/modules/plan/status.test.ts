import { describe, expect, it } from 'vitest';
import { indicatorStatus, taskStatus } from '../../../src/modules/plan/indicators/status';

const share = { target: 1, rule: { better: 'HIGHER' as const, atRiskBelow: 0.95, missedBelow: 0.8 } };
const count = { target: 0, rule: { better: 'LOWER' as const } };

describe('indicatorStatus', () => {
  it.each([
    // value, deadline, asOf, status
    [1, null, '2020-06-30', 'ON_TRACK'],
    [0.96, null, '2020-06-30', 'ON_TRACK'],
    [0.94, null, '2020-06-30', 'AT_RISK'],
    [0.79, null, '2020-06-30', 'MISSED'],
    [null, null, '2020-06-30', 'NOT_MEASURABLE'],
    // a dated task: judged by whether it is met once its date has passed
    [1, '2020-06-30', '2020-07-01', 'DONE'],
    [0.99, '2020-06-30', '2020-07-01', 'MISSED'],
    [0.99, '2020-06-30', '2020-06-30', 'ON_TRACK'],
  ] as const)('%s (deadline %s, as of %s) → %s', (value, deadline, asOf, status) => {
    expect(indicatorStatus(share, value, deadline, asOf)).toBe(status);
  });

  it('lower is better: 0 open findings is on track, any is at risk, done once the date passed with none', () => {
    expect(indicatorStatus(count, 0, null, '2020-12-31')).toBe('ON_TRACK');
    expect(indicatorStatus(count, 3, null, '2020-12-31')).toBe('AT_RISK');
    expect(indicatorStatus(count, 0, '2020-06-30', '2020-12-31')).toBe('DONE');
    expect(indicatorStatus(count, 1, '2020-06-30', '2020-12-31')).toBe('MISSED');
    expect(
      indicatorStatus({ target: 0, rule: { better: 'LOWER', missedBelow: 5 } }, 6, null, '2020-12-31'),
    ).toBe('MISSED');
  });

  it('a figure without a target is shown, not judged', () => {
    expect(
      indicatorStatus({ target: null, rule: { better: 'HIGHER' } }, 0.1, '2020-06-30', '2020-12-31'),
    ).toBe('ON_TRACK');
  });
});

describe('taskStatus', () => {
  it.each([
    [['DONE', 'AT_RISK'], 'AT_RISK'],
    [['ON_TRACK', 'MISSED', 'AT_RISK'], 'MISSED'],
    [['DONE', 'DONE'], 'DONE'],
    [['DONE', 'ON_TRACK'], 'ON_TRACK'],
    [['NOT_MEASURABLE', 'ON_TRACK'], 'ON_TRACK'],
    [['NOT_MEASURABLE'], 'NOT_MEASURABLE'],
    [[], 'NOT_MEASURABLE'],
  ] as const)('%j → %s', (statuses, expected) => {
    expect(taskStatus(statuses)).toBe(expected);
  });
});
