/**
 * What the simulator planted, for the consistency checks' tests: every expected finding
 * (kind, subject code, field, channel, severity) and every trap that must stay silent.
 */
import { writeFile } from 'node:fs/promises';
import { localDateOf } from '../../../src/domain/local-date';
import type { World, WorldProcedure } from '../world';
import type { AgencyPlanting, PlantedDossier } from './dossier-plan';
import type { DossierSource } from './dossier-source';
import type { ListingPlan } from './listing-plan';
import type { ExpectedFinding, Manifest } from './types';

export function buildManifest(
  world: World,
  plan: ListingPlan,
  dossiers: DossierSource,
  planted: ReadonlyMap<number, PlantedDossier>,
  procedure: (index: number) => WorldProcedure,
  planting: AgencyPlanting = {},
): Manifest {
  const findings: ExpectedFinding[] = [...plan.findings];
  for (const [index, p] of [...planted].sort(([a], [b]) => a - b)) {
    const code = String(dossiers.raw(index).code);
    if (p.kind === 'DOSSIER_UNKNOWN_PROCEDURE') {
      findings.push({
        kind: p.kind,
        subjectCode: code,
        field: 'procedure',
        channel: null,
        severity: 'MEDIUM',
        nationalCode: p.nationalCode,
        note: 'filed on a listing code no listing has',
      });
    } else {
      const slot = plan.slots[p.slot];
      const nationalCode = slot ? world.procedureHeaderAt(slot.procIndex).code : null;
      findings.push({
        kind: p.kind,
        subjectCode: code,
        field: 'procedure',
        channel: null,
        severity: 'HIGH',
        nationalCode,
        note: 'accepted after the national abolition (NGAYBAIBO)',
      });
    }
  }
  return {
    seed: world.seed,
    unitCode: world.unitCode,
    procedures: world.procedureCount,
    listings: plan.slots.length,
    dossiers: dossiers.timeline.count,
    findings,
    traps: [...plan.traps],
    ...agencyFacts(plan, dossiers, procedure, planting),
  };
}

/** The agencies handling a served (valid) dossier, and the onboarding agency's first dossier day. */
function servedDossiers(dossiers: DossierSource, onboardingCode: string | undefined) {
  const handling = new Set<string>();
  let firstDossier: string | null = null;
  for (let i = 0; i < dossiers.timeline.count; i++) {
    if (dossiers.bad.has(i)) continue;
    const raw = dossiers.raw(i) as {
      agency: { code: string };
      acceptedDate: string | null;
      appliedDate: string | null;
    };
    handling.add(raw.agency.code);
    const at = raw.acceptedDate ?? raw.appliedDate;
    if (raw.agency.code !== onboardingCode || !at) continue;
    const day = localDateOf(new Date(at));
    if (firstDossier === null || day < firstDossier) firstDossier = day;
  }
  return { handling, firstDossier };
}

/** What the served data says about agencies' dossiers, read from the records themselves (bad records are not served valid). */
function agencyFacts(
  plan: ListingPlan,
  dossiers: DossierSource,
  procedure: (index: number) => WorldProcedure,
  planting: AgencyPlanting,
): Pick<Manifest, 'agenciesWithoutDossiers' | 'idleAgencies' | 'onboarding'> {
  const listed = new Set<string>();
  for (const slot of plan.slots) {
    if (slot.status === 1) for (const a of procedure(slot.procIndex).agencies) listed.add(a.code);
  }
  const { handling, firstDossier } = servedDossiers(dossiers, planting.onboarding?.agencyCode);
  return {
    agenciesWithoutDossiers: [...listed].filter((c) => !handling.has(c)).sort(),
    idleAgencies: [...(planting.idleAgencies ?? [])].sort(),
    onboarding: planting.onboarding
      ? {
          agencyCode: planting.onboarding.agencyCode,
          from: localDateOf(new Date(planting.onboarding.from)),
          firstDossier,
        }
      : null,
  };
}

export async function writeManifest(path: string, manifest: Manifest): Promise<void> {
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}
