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
 * Keys a request by the client's address: the socket's peer, or with `trustProxy` the first hop of
 * X-Forwarded-For (the address the proxy saw). Only trust the header behind a proxy that sets it, as any
 * client can send one.
 */
export function addressKey(trustProxy: boolean): ClientKey {
  if (!trustProxy) return (req) => normalise(req.socket.remoteAddress);
  return (req) => {
    const header = req.headers['x-forwarded-for'];
    const value = Array.isArray(header) ? header[0] : header;
    const first = value?.split(',')[0].trim();
    return normalise(first || req.socket.remoteAddress);
  };
}
