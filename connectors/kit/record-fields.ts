/** Field-reading helpers every portal's mapper shares (the kit's, so no portal imports another). */

/** A record-level problem: the whole record is rejected (quarantined) with this field. */
export class RecordProblem extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

export function textOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.normalize('NFC').trim();
  return text === '' ? null : text;
}
