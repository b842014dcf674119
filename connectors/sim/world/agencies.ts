/**
 * The agency tree: the provincial People's Committee at the root, departments and
 * district People's Committees under it, commune People's Committees under districts.
 * Codes follow the electronic identifier format: `000.00.NN.H21` for units directly under
 * the province, `000.CC.NN.H21` for commune CC of district NN.
 */
import { rngFor } from '../kit/prng';
import { DEPARTMENTS, DISTRICTS } from './data/agencies';
import type { WorldAgency } from './types';

const two = (n: number): string => String(n).padStart(2, '0');

export function provinceCode(unitCode: string): string {
  return `000.00.00.${unitCode}`;
}

export function directUnitCode(number: number, unitCode: string): string {
  return `000.00.${two(number)}.${unitCode}`;
}

export function buildAgencies(seed: number, unitCode: string): WorldAgency[] {
  const agencies: WorldAgency[] = [];
  const add = (a: Omit<WorldAgency, 'externalId' | 'parentExternalId'>): WorldAgency => {
    const parent = a.parentCode ? agencies.find((p) => p.code === a.parentCode) : undefined;
    const agency: WorldAgency = {
      ...a,
      externalId: rngFor(seed, 'agency', agencies.length).hex(24),
      parentExternalId: parent?.externalId ?? null,
    };
    agencies.push(agency);
    return agency;
  };
  const root = add({
    code: provinceCode(unitCode),
    name: 'Ủy ban nhân dân tỉnh Bình Định',
    level: 'PROVINCE',
    kind: 'PROVINCE_COMMITTEE',
    parentCode: null,
  });
  for (const [number, name] of DEPARTMENTS) {
    add({
      code: directUnitCode(number, unitCode),
      name,
      level: 'PROVINCE',
      kind: 'DEPARTMENT',
      parentCode: root.code,
    });
  }
  for (const district of DISTRICTS) {
    const committee = add({
      code: directUnitCode(district.number, unitCode),
      name: `Ủy ban nhân dân ${district.name}`,
      level: 'DISTRICT',
      kind: 'DISTRICT_COMMITTEE',
      parentCode: root.code,
    });
    district.communes.forEach((commune, i) => {
      add({
        code: `000.${two(i + 1)}.${two(district.number)}.${unitCode}`,
        name: `Ủy ban nhân dân ${commune}`,
        level: 'COMMUNE',
        kind: 'COMMUNE_COMMITTEE',
        parentCode: committee.code,
      });
    });
  }
  return agencies;
}
