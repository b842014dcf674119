/** Shapes of the hand-written catalogue data (sectors and their real procedures). */

/** Levels as letters: B ministry, T province, H district, X commune. */
export type LevelLetters = string;
/** WD working day, D day, H hour, M month. */
export type UnitLetters = 'WD' | 'D' | 'H' | 'M';

/** A real procedure name with its usual terms: [name, levels, processing time, unit, fee in VND]. */
export type ProcedureData = readonly [
  name: string,
  levels: LevelLetters,
  time: string,
  unit: UnitLetters,
  fee: number,
];

/** A legal document: [number, issued dd/MM/yyyy, title (laws; others get a generic one)]. */
export type LawData = readonly [number: string, issued: string, title?: string];

export interface SectorData {
  code: string;
  name: string;
  ministry: string;
  /** Departments (NN of `000.00.NN.H21`) that implement its province-level procedures. */
  departments: readonly number[];
  /** Who applies: C citizens, B businesses, O other organisations. */
  subjects: string;
  laws: readonly LawData[];
  procedures: readonly ProcedureData[];
}
