/** The procedure module's public surface: other modules import from here only. */
export { procedureLoader } from './procedure.loaders';
export { procedurePrefetch } from './procedure.prefetch';
export {
  ChannelTerms,
  CodeName,
  FieldIssue,
  LegalBasis,
  NationalProcedure,
  Procedure,
} from './procedure.types';
