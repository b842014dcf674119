import { describe, expect, it } from 'vitest';
import { localInstant } from '../../../../connectors/sim/kit/time';
import { createWorld, REAL_PROCEDURE_COUNT, type WorldProcedure } from '../../../../connectors/sim/world';

const small = (seed: number): WorldProcedure[] => [...createWorld({ seed, procedures: 400 }).procedures()];

describe('world determinism', () => {
  it('gives the same world for the same seed', () => {
    const a = createWorld({ seed: 7, procedures: 400 });
    const b = createWorld({ seed: 7, procedures: 400 });
    expect(JSON.stringify(small(7))).toBe(JSON.stringify(small(7)));
    expect(a.agencies).toEqual(b.agencies);
    expect(a.decisions).toEqual(b.decisions);
    expect(a.sectors).toEqual(b.sectors);
  });

  it('gives a different world for a different seed', () => {
    const a = small(7);
    const b = small(8);
    expect(a.map((p) => p.code)).not.toEqual(b.map((p) => p.code));
    expect(a.map((p) => p.updatedAt)).not.toEqual(b.map((p) => p.updatedAt));
  });

  it('generates an item from its index alone', () => {
    const all = small(11);
    const fresh = createWorld({ seed: 11, procedures: 400 });
    expect(fresh.procedureAt(321)).toEqual(all[321]);
    expect(fresh.procedureHeaderAt(321)).toMatchObject({
      code: all[321]?.code,
      updatedAt: all[321]?.updatedAt,
    });
  });
});

describe('the default catalogue', () => {
  const world = createWorld();
  const procedures = [...world.procedures()];

  it('holds at least 150 distinct real names across at least 20 sectors', () => {
    expect(procedures).toHaveLength(2000);
    const real = procedures.filter((p) => p.name === p.baseName);
    expect(new Set(real.map((p) => p.name)).size).toBeGreaterThanOrEqual(150);
    expect(REAL_PROCEDURE_COUNT).toBeGreaterThanOrEqual(150);
    expect(new Set(procedures.map((p) => p.sector.code)).size).toBeGreaterThanOrEqual(20);
    expect(procedures.map((p) => p.name)).toContain('Đăng ký khai sinh');
    expect(procedures.map((p) => p.name)).toContain('Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược');
  });

  it('has well-formed, unique codes that map back to their index', () => {
    const codes = procedures.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of procedures) {
      expect(p.code).toMatch(/^[12]\.\d{6}$/);
      expect(world.procedureIndexOf(p.code)).toBe(p.index);
      expect(p.id).toMatch(/^[0-9a-f]{32}$/);
      for (const b of p.legalBases) expect(b.number).toMatch(/^\d+\/\d{4}\/[A-Za-zĐ0-9-]+$/);
      for (const a of p.agencies) expect(world.agency(a.code)).toBeDefined();
    }
    expect(world.procedureIndexOf('9.999999')).toBeNull();
    for (const s of world.sectors) expect(s.code).toMatch(/^G\d{2}-[A-ZĐ]+$/);
    for (const d of world.decisions) {
      expect(d.number).toMatch(/^\d+\/QĐ-[A-ZĐ]+$/);
      expect(d.id).toMatch(/^qd-\d{5}$/);
    }
    expect(new Set(world.decisions.map((d) => d.id)).size).toBe(world.decisions.length);
  });

  it('spreads updates over 2018–2020 and abolishes about 3 %', () => {
    const from = localInstant(2018, 1, 1);
    const to = localInstant(2021, 1, 1);
    for (const p of procedures) {
      expect(p.updatedAt).toBeGreaterThanOrEqual(from);
      expect(p.updatedAt).toBeLessThan(to);
      const decision = world.decision(p.decisionId);
      expect(decision?.ministryCode).toBe(p.ministryCode);
      expect(decision?.date).toBeLessThanOrEqual(p.updatedAt);
      if (p.inForce) expect(p.abolishedAt).toBeNull();
      else expect(p.abolishedAt).toBeLessThanOrEqual(p.updatedAt);
    }
    const years = new Set(procedures.map((p) => new Date(p.updatedAt).getUTCFullYear()));
    expect([...years].sort()).toEqual([2018, 2019, 2020]);
    const abolished = procedures.filter((p) => !p.inForce).length / procedures.length;
    expect(abolished).toBeGreaterThan(0.01);
    expect(abolished).toBeLessThan(0.06);
  });

  it('has realistic terms: mostly working days, some halves, many without fees', () => {
    const times = procedures.flatMap((p) => p.channels.flatMap((c) => c.times));
    const units = new Map<string, number>();
    for (const t of times) units.set(t.unit, (units.get(t.unit) ?? 0) + 1);
    expect(units.get('WORKING_DAY') ?? 0).toBeGreaterThan(times.length / 2);
    for (const unit of ['DAY', 'HOUR', 'MONTH']) expect(units.get(unit) ?? 0).toBeGreaterThan(0);
    expect(times.some((t) => t.value === 0.5)).toBe(true);
    const paid = procedures.filter((p) => p.channels.some((c) => c.fees.some((f) => f.amount > 0)));
    expect(paid.length).toBeGreaterThan(200);
    expect(paid.length).toBeLessThan(procedures.length * 0.8);
    expect(procedures.some((p) => p.channels.some((c) => c.fees.some((f) => f.amount === 0)))).toBe(true);
    expect(procedures.some((p) => p.levels.length > 1)).toBe(true);
    expect(new Set(procedures.map((p) => p.onlineLevel))).toEqual(new Set(['INFO', 'PARTIAL', 'FULL']));
  });
});

describe('agencies', () => {
  const world = createWorld({ procedures: 10 });

  it('form one tree under the provincial People’s Committee', () => {
    const roots = world.agencies.filter((a) => a.parentCode === null);
    expect(roots).toEqual([world.province]);
    expect(world.province.code).toBe('000.00.00.H21');
    const codes = new Set(world.agencies.map((a) => a.code));
    expect(codes.size).toBe(world.agencies.length);
    for (const a of world.agencies) {
      expect(a.code).toMatch(/^000\.\d{2}\.\d{2}\.H21$/);
      expect(a.externalId).toMatch(/^[0-9a-f]{24}$/);
      if (a.parentCode) {
        const parent = world.agency(a.parentCode);
        expect(parent?.externalId).toBe(a.parentExternalId);
      }
    }
  });

  it('has 11 district units, each with its communes, and real departments', () => {
    const districts = world.agencies.filter((a) => a.level === 'DISTRICT');
    expect(districts).toHaveLength(11);
    expect(districts.map((d) => d.name)).toContain('Ủy ban nhân dân thành phố Quy Nhơn');
    for (const d of districts) {
      expect(d.parentCode).toBe(world.province.code);
      const communes = world.agencies.filter((a) => a.parentCode === d.code);
      expect(communes.length).toBeGreaterThanOrEqual(7);
      for (const c of communes) expect(c.level).toBe('COMMUNE');
    }
    expect(world.agencies.filter((a) => a.level === 'COMMUNE')).toHaveLength(159);
    expect(world.agency('000.00.12.H21')?.name).toBe('Sở Y tế');
    expect(world.agency('000.00.01.H21')?.name).toBe('Sở Tư pháp');
  });
});
