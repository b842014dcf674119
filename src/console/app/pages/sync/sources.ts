/** The sources the sync pages offer, in sync order: the domain's own list. */
import { SOURCES as DOMAIN_SOURCES } from '../../../../domain/model';
import type { Source } from '../../graphql/generated';

export const SOURCES: readonly Source[] = DOMAIN_SOURCES;
