// The liveness rule both WebSocket hubs (staff/kiosk/display events, residents' phones) keep:
// each round, a socket that did not answer the previous ping with a pong is dropped, and
// every other one is pinged again (its 'pong' handler sets alive back to true).
import type { WebSocket } from 'ws';

export interface Pinged {
  socket: WebSocket;
  alive: boolean;
}

/** One heartbeat round for one socket; true if it is still held (and was pinged). */
export function pingOrDrop(peer: Pinged): boolean {
  if (!peer.alive) {
    peer.socket.terminate();
    return false;
  }
  peer.alive = false;
  peer.socket.ping();
  return true;
}
