/**
 * The seeded world is pinned: for a fixed seed, the iGate simulator's listings, manifest and
 * dossiers and the PAKN simulator's feedback are the same, draw for draw, as when these
 * digests were taken. The simulators' generators (sim/igate/listing-plan.ts,
 * sim/igate/dossier-flow.ts, sim/pakn/feedback.ts) may be restructured freely as long as this
 * passes: a draw moved, added or dropped changes every value after it, and a digest with it.
 * A deliberate change of the world updates the digests here, in the commit that makes it, and
 * says why.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IgateSimulator, startIgateSimulator } from '../../../connectors/sim/igate/simulator';
import {
  dossierReferencesOf,
  type PaknSimulator,
  startPaknSimulator,
} from '../../../connectors/sim/pakn/simulator';
import { createWorld } from '../../../connectors/sim/world';

const sha256 = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('the seeded world (seed 2020, 2000 procedures) is what it was', () => {
  let igate: IgateSimulator;
  let pakn: PaknSimulator;
  beforeAll(async () => {
    const world = createWorld({ seed: 2020, procedures: 2000 });
    igate = await startIgateSimulator({ world, dossiers: 3000, faults: {} });
    pakn = await startPaknSimulator({
      world,
      feedbacks: 1500,
      dossiers: dossierReferencesOf(igate),
      faults: {},
    });
  });
  afterAll(async () => {
    await Promise.all([igate?.close(), pakn?.close()]);
  });

  it('the listings and the manifest (sim/igate/listing-plan.ts)', () => {
    const codes = igate.listingCodes();
    const manifest = igate.manifest();
    expect(codes.length).toBe(2002);
    expect([codes[0], codes.at(-1)]).toEqual(['2.009302.000.00.00.H21', '2.017924.000.00.00.H21']);
    expect([manifest.findings.length, manifest.traps.length]).toEqual([21, 10]);
    expect(manifest.findings[0]).toMatchObject({
      kind: 'ABOLISHED_BUT_LISTED',
      subjectCode: '2.009643.000.00.00.H21',
      severity: 'HIGH',
    });
    expect(sha256(codes.map((c) => igate.rawListing(c)))).toBe(
      '2448ae5f91029a395dbfde682c015361ed7ed66a74f53afae502bb20c0271c89',
    );
    expect(sha256(manifest)).toBe('a7a1eaac1b5dd8bc891b6f36d62d48442e5103002d66620efdc84f3aff94c48e');
  });

  it('the dossiers (sim/igate/dossier-flow.ts)', () => {
    const dossiers = Array.from({ length: igate.dossierCount() }, (_, i) => igate.rawDossier(i));
    const statuses: Record<number, number> = {};
    for (const d of dossiers) {
      const id = (d.dossierStatus as { id: number }).id;
      statuses[id] = (statuses[id] ?? 0) + 1;
    }
    expect(statuses).toEqual({
      0: 16,
      1: 7,
      2: 107,
      3: 38,
      4: 28,
      5: 107,
      6: 48,
      7: 198,
      8: 2350,
      9: 93,
      16: 3,
      17: 5,
    });
    expect(dossiers[0]).toMatchObject({
      code: '000.00.01.H21-190228-000000',
      appliedDate: '2019-02-28T04:44:54.930+0700',
      acceptedDate: '2019-02-28T08:28:00.000+0700',
      appointmentDate: '2019-03-14T17:00:00.000+0700',
      completedDate: '2019-03-27T16:00:00.000+0700',
      returnedDate: '2019-03-29T08:51:02.841+0700',
      dossierStatus: { id: 8 },
    });
    expect(sha256(dossiers)).toBe('892d0a92e11c0fc9ebe0efcf0d7af0c5aa83ecdb9fa3f3a2e0a7d38ee40c6535');
  });

  it('the feedback (sim/pakn/feedback.ts)', () => {
    const items = [...pakn.items()];
    expect(items.length).toBe(1500);
    expect(items.filter((i) => i.maHoSo !== null).length).toBe(175);
    expect(items[0]).toMatchObject({
      maPAKN: 'PAKN-2019-000001',
      phanLoai: 'QUY_DINH_TTHC',
      kenhTiepNhan: 'CONG_DVCQG',
      coQuanXuLy: { maDonVi: '000.00.11.H21' },
      maTTHC: '2.017998',
      trangThai: 'DA_CONG_KHAI',
      luotThich: 7,
      ngayCapNhat: '01/03/2019 00:22:20',
    });
    expect(sha256(items)).toBe('ead5f60d0563bf9b8663c4963fcc60f18639297bb82d0c8b4d610e6205c5a08a');
    expect(sha256(pakn.manifest())).toBe('563279334072969a5891a0a7ac0ec4fdb54bd9d68b9c42e8a9664bd0d5b52ce3');
  });
});
