import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../../connectors/sim/world';
import { LiveCatalogue } from '../../../../connectors/sim/world/live';

const NOW = Date.UTC(2021, 0, 5, 3, 0, 0);
const fresh = (): LiveCatalogue => new LiveCatalogue(createWorld({ seed: 5, procedures: 120 }), () => NOW);

describe('live catalogue', () => {
  it('orders records by update instant, then code', () => {
    const sorted = fresh().sorted();
    expect(sorted).toHaveLength(120);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!];
      expect(a.updatedAt < b.updatedAt || (a.updatedAt === b.updatedAt && a.code < b.code)).toBe(true);
    }
  });

  it('touches a record: new instant after every other, fields changed, moved last', () => {
    const live = fresh();
    const code = live.sorted()[0]!.code;
    const header = live.touch(code, { name: 'Tên mới', edit: (p) => void p.channels.splice(0) });
    expect(header.updatedAt).toBe(NOW);
    expect(live.sorted().at(-1)?.code).toBe(code);
    const index = live.indexOf(code)!;
    expect(live.procedure(index).name).toBe('Tên mới');
    expect(live.procedure(index).channels).toEqual([]);
    expect(live.touch(code, new Date(NOW + 5000)).updatedAt).toBe(NOW + 5000);
  });

  it('abolishes, removes and adds records', () => {
    const live = fresh();
    const [a, b] = [live.sorted()[3]!.code, live.sorted()[4]!.code];
    const abolished = live.abolish(a, NOW);
    expect(abolished).toMatchObject({ inForce: false, abolishedAt: NOW, updatedAt: NOW });
    live.remove(b);
    expect(live.indexOf(b)).toBeNull();
    expect(live.sorted().map((e) => e.code)).not.toContain(b);
    const added = live.add();
    expect(added.index).toBe(120);
    expect(live.indexOf(added.code)).toBe(120);
    expect(live.sorted()).toHaveLength(120);
    expect(() => live.touch(b)).toThrow(/world_unknown_procedure/);
  });
});
