import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndicatorMappingError, loadIndicatorMapping } from '../../../src/modules/plan';

const dir = mkdtempSync(path.join(tmpdir(), 'plan-indicators-'));
const write = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

describe('the indicator mapping', () => {
  it('ships a default that measures the tasks domain.md links to the hub, and no others', () => {
    const mapping = loadIndicatorMapping();
    expect([...mapping.tasks.keys()].sort((a, b) => a - b)).toEqual([
      1, 2, 3, 5, 7, 9, 11, 12, 13, 14, 17, 20,
    ]);
    expect(mapping.tasks.get(14)).toEqual(['oneStop.coverage']);
    expect(mapping.indicators.get('publication.onTime')).toMatchObject({
      target: 1,
      rule: { better: 'HIGHER' },
    });
  });

  it('an override file replaces tasks and indicators key by key', () => {
    const file = write('override.json', {
      tasks: { '7': [], '16': ['online.services'] },
      indicators: {
        'online.services': {
          name: 'Dịch vụ công trực tuyến',
          formula: 'online / active',
          target: 0.5,
          rule: { better: 'HIGHER' },
        },
      },
    });
    const mapping = loadIndicatorMapping(file);
    expect(mapping.tasks.get(7)).toEqual([]);
    expect(mapping.tasks.get(16)).toEqual(['online.services']);
    expect(mapping.tasks.get(1)).toEqual(['publication.onTime', 'publication.lateFindings']);
    expect(mapping.indicators.get('online.services')!.target).toBe(0.5);
  });

  it('refuses an override naming an indicator nobody defines, or not JSON, or with a bad rule', () => {
    expect(() =>
      loadIndicatorMapping(write('a.json', { tasks: { '4': ['posters.hung'] }, indicators: {} })),
    ).toThrow(/task 4 names "posters.hung"/);
    expect(() => loadIndicatorMapping(write('b.json', '{ not json'))).toThrow(IndicatorMappingError);
    expect(() =>
      loadIndicatorMapping(
        write('c.json', {
          tasks: {},
          indicators: { x: { name: 'x', formula: 'x', target: 1, rule: { better: 'SIDEWAYS' } } },
        }),
      ),
    ).toThrow(/indicators.x.rule.better/);
  });
});
