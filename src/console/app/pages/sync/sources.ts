/** The sources the sync pages offer, in sync order. */
import type { Source } from '../../graphql/generated';

export const SOURCES: Source[] = ['NATIONAL', 'IGATE', 'PAKN'];
