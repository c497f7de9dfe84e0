import type { IncomingMessage } from 'node:http';

/**
 * Who a request counts against for fair sharing. Today the client's address; once clients authenticate, a
 * function returning their token's subject can take its place without touching the admission code.
 */
export type ClientKey = (req: IncomingMessage) => string;

function normalise(address: string | undefined): string {
  if (!address) return 'unknown';
  // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; count them under their IPv4 address.
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * Keys a request by the client's address: the socket's peer, or with `trustProxy` the hop nearest to the hub
 * in X-Forwarded-For (its last entry: the address the proxy itself saw; the entries before it are whatever
 * the client sent, and would let a client pick a new key per request). Only for a hub behind one proxy that
 * appends to the header.
 */
export function addressKey(trustProxy: boolean): ClientKey {
  if (!trustProxy) return (req) => normalise(req.socket.remoteAddress);
  return (req) => {
    const header = req.headers['x-forwarded-for'];
    const value = Array.isArray(header) ? header.join(',') : header;
    const nearest = value?.slice(value.lastIndexOf(',') + 1).trim();
    return normalise(nearest || req.socket.remoteAddress);
  };
}
