/** Every stream writer, by source and stream. */

import type { StreamWriter } from '../db/writer';
import type { Source } from '../domain/model';
import { igateAgencyWriter } from '../modules/agency/igate-agency.writer';
import { nationalAgencyWriter } from '../modules/agency/national-agency.writer';
import { dossierWriter } from '../modules/dossier/dossier.writer';
import { feedbackWriter } from '../modules/feedback/feedback.writer';
import { provincialListingWriter } from '../modules/listing/listing.writer';
import { nationalProcedureWriter, nationalSectorWriter } from '../modules/procedure/national.writers';
import { syncErrors } from './errors';

const writers: StreamWriter[] = [
  nationalSectorWriter,
  nationalAgencyWriter,
  nationalProcedureWriter,
  igateAgencyWriter,
  provincialListingWriter,
  dossierWriter,
  feedbackWriter,
];

export function writerFor(source: Source, stream: string): StreamWriter {
  const w = writers.find((x) => x.source === source && x.stream === stream);
  if (!w) throw syncErrors.noWriter(source, stream);
  return w;
}

export function writersOf(source: Source): StreamWriter[] {
  return writers.filter((w) => w.source === source);
}

/** The writers whose tables hold citizens' personal data (retention erases it). */
export function writersWithPersonalData(): (StreamWriter & {
  personal: NonNullable<StreamWriter['personal']>;
})[] {
  return writers.filter((w): w is StreamWriter & { personal: NonNullable<StreamWriter['personal']> } =>
    Boolean(w.personal),
  );
}
