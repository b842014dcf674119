/** Small predicates on a world procedure, shared by the planted findings and traps. */
import type { Channel } from '../../../src/domain/model';
import type { WorldProcedure } from '../world';

/** One processing time per channel and some agency: a procedure the plan can change in one place. */
export const single = (p: WorldProcedure): boolean =>
  p.channels.length > 0 && p.channels.every((c) => c.times.length === 1) && p.agencies.length > 0;
export const direct = (p: WorldProcedure) => p.channels.find((c) => c.channel === 'DIRECT');
export const has = (p: WorldProcedure, channel: Channel): boolean =>
  p.channels.some((c) => c.channel === channel);
export const stripped = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));
