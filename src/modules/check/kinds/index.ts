/** Every finding kind's check, in the order of domain.md's table. */
import type { FindingKind } from '../../../domain/finding';
import { feeMismatch, processingTimeMismatch } from './channels';
import {
  legalBasisMismatch,
  levelMismatch,
  nameMismatch,
  onlineLevelMismatch,
  publicationLate,
} from './fields';
import type { KindCheck } from './kind';
import { abolishedButListed, duplicateListing, missingInNational, missingInProvince } from './presence';
import { dossierOnAbolishedProcedure, dossierUnknownProcedure, feedbackUnknownReference } from './references';

export type { KindCheck, KindContext } from './kind';
export { SEEN_COLUMNS } from './sql';

export const KIND_CHECKS: Record<FindingKind, KindCheck> = {
  MISSING_IN_PROVINCE: missingInProvince,
  MISSING_IN_NATIONAL: missingInNational,
  ABOLISHED_BUT_LISTED: abolishedButListed,
  NAME_MISMATCH: nameMismatch,
  PROCESSING_TIME_MISMATCH: processingTimeMismatch,
  FEE_MISMATCH: feeMismatch,
  LEVEL_MISMATCH: levelMismatch,
  ONLINE_LEVEL_MISMATCH: onlineLevelMismatch,
  LEGAL_BASIS_MISMATCH: legalBasisMismatch,
  PUBLICATION_LATE: publicationLate,
  DUPLICATE_LISTING: duplicateListing,
  DOSSIER_UNKNOWN_PROCEDURE: dossierUnknownProcedure,
  DOSSIER_ON_ABOLISHED_PROCEDURE: dossierOnAbolishedProcedure,
  FEEDBACK_UNKNOWN_REFERENCE: feedbackUnknownReference,
};
