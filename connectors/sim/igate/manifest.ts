/**
 * What the simulator planted, for the consistency checks' tests: every expected finding
 * (kind, subject code, field, channel, severity) and every trap that must stay silent.
 */
import { writeFile } from 'node:fs/promises';
import type { World } from '../world';
import type { PlantedDossier } from './dossier-plan';
import type { DossierSource } from './dossier-source';
import type { ListingPlan } from './listing-plan';
import type { ExpectedFinding, Manifest } from './types';

export function buildManifest(
  world: World,
  plan: ListingPlan,
  dossiers: DossierSource,
  planted: ReadonlyMap<number, PlantedDossier>,
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
  };
}

export async function writeManifest(path: string, manifest: Manifest): Promise<void> {
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}
