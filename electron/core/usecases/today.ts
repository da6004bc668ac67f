import { hallDay } from '../numbering.js';
import type { Clock, HallReads } from '../ports.js';

/** The hall-local day it is now (YYYY-MM-DD), in the time zone the hall's policy names. */
export async function today(reads: Pick<HallReads, 'getPolicy'>, clock: Clock): Promise<string> {
  return hallDay(clock.now(), (await reads.getPolicy()).timeZone);
}
