// The resident's side of the hall server, built once by the composition root: phone
// references and status, the phone WebSocket hub, the per-address limiter of public routes,
// the public address, and the ratings store.
import type { EventSink, HallDeps, HallEvent } from '../../core/ports.js';
import type { Database } from '../../store/db.js';
import { RatingStore } from '../../store/ratingStore.js';
import { PhoneHub } from '../phoneHub.js';
import { AddressLimiter, DEFAULT_LIMITS, type AddressLimits } from './addressLimiter.js';
import { PublicAddress } from './publicAddress.js';
import { TicketStatusReader } from './ticketStatus.js';

export interface ResidentSide {
  ratings: RatingStore;
  statuses: TicketStatusReader;
  phones: PhoneHub;
  limiter: AddressLimiter;
  publicAddress: PublicAddress;
}

export async function createResidentSide(args: {
  db: Database;
  deps: HallDeps;
  served: () => { scheme: 'http' | 'https'; port: number };
  onError: (e: unknown) => void;
  limits?: Partial<AddressLimits>;
}): Promise<ResidentSide> {
  const ratings = new RatingStore(args.db);
  const statuses = new TicketStatusReader(args.deps, ratings);
  const limiter = new AddressLimiter({ ...DEFAULT_LIMITS, ...args.limits });
  const phones = new PhoneHub(statuses, limiter, args.onError);
  const publicAddress = new PublicAddress(args.db, args.served);
  await publicAddress.load();
  // Phones hear the same events as the staff hub, after it.
  const staffSink = args.deps.events;
  args.deps.events = { publish: (e: HallEvent) => (staffSink.publish(e), phones.publish(e)) } satisfies EventSink;
  return { ratings, statuses, phones, limiter, publicAddress };
}
