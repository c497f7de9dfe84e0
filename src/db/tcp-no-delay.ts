import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

// Why: the Bolt driver writes a message longer than its 1,400-byte buffer in several socket writes and leaves
// Nagle's algorithm on, so the last part of such a message (a statement with a long parameter, e.g. a search's
// Lucene query with its name forms) waits for the server's delayed acknowledgement, 40 ms on Linux: such a
// search took 48 ms instead of 3 on the large benchmark network. The driver has no option for it; Node announces
// every client socket it creates on this diagnostics channel, where the delay is turned off.
export const CLIENT_SOCKETS = 'net.client.socket';

let subscribed = false;

/** The subscriber: turns Nagle's algorithm off on the socket a `net.client.socket` message names. */
export function turnOffNagle(message: unknown): void {
  const socket = (message as { socket?: Socket } | undefined)?.socket;
  // Before the connection is made Node keeps the setting and applies it on connect.
  socket?.setNoDelay?.(true);
}

/**
 * From the first call on, every TCP client socket this process opens sends each write at once (TCP_NODELAY),
 * as Node's own HTTP client and fetch already do by default. Idempotent; called by the floor before it
 * creates a driver, so that Bolt connections never wait on Nagle's algorithm.
 */
export function sendClientWritesAtOnce(): void {
  if (subscribed) return;
  subscribed = true;
  subscribe(CLIENT_SOCKETS, turnOffNagle);
}
