import net from 'node:net';
import type http from 'node:http';
import express from 'express';
import { healthRouter, type Readiness } from '../../../src/app/http/health';
import { Database } from '../../../src/db/database';

/** A TCP server that accepts connections and never says a word: a database that hangs. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function serve(db: Database, readiness: Readiness | undefined, timeoutMs: number) {
  const app = express().use(healthRouter({ db, readiness, timeoutMs }));
  const server: http.Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return { base, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('health endpoints without a reachable database', () => {
  test('a database that accepts connections but never answers: /health and /readyz give 503 after their timeout, /livez 200', async () => {
    const silent = await silentServer();
    const db = new Database({ uri: `bolt://127.0.0.1:${silent.port}` });
    const hub = await serve(db, { schemaApplied: true, seedLoaded: true }, 300);
    try {
      const health = await fetch(`${hub.base}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'unavailable' });
      expect(health.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(health.headers.get('cache-control')).toBe('no-store');

      const ready = await fetch(`${hub.base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: 'not ready',
        failed: ['database'],
        checks: { database: 'unreachable', schema: 'ok', seed: 'ok' },
      });

      const live = await fetch(`${hub.base}/livez`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
    } finally {
      await hub.close();
      await silent.close();
      await db.close();
    }
  });

  test('a refused connection: /readyz names every failed check, including start-up steps not done yet', async () => {
    const db = new Database({ uri: `bolt://127.0.0.1:${await closedPort()}` });
    const hub = await serve(db, { schemaApplied: true, seedLoaded: false }, 2000);
    try {
      const ready = await fetch(`${hub.base}/readyz`);
      expect(ready.status).toBe(503);
      const body = await ready.json();
      expect(body).toEqual({ status: 'not ready', failed: ['database', 'seed'], checks: { database: 'unreachable', schema: 'ok', seed: 'not loaded yet' } });
      // Nothing about the server's address reaches the caller.
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
      expect((await fetch(`${hub.base}/livez`)).status).toBe(200);
    } finally {
      await hub.close();
      await db.close();
    }
  });
});
