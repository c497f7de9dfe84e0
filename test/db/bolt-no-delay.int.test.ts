import net from 'node:net';
import { loadConfig } from '../../src/core/config';
import { openTestDb } from '../helpers/graph';

describe('Bolt connections (real Neo4j)', () => {
  test('the floor opens its connections to Neo4j with Nagle turned off, so a long statement is not held back', async () => {
    const target = loadConfig().neo4j;
    if (target.mode !== 'external') throw new Error('integration tests run after the global setup, which sets NEO4J_URI');
    const boltPort = Number(new URL(target.uri.replace(/^[a-z+]+:/, 'http:')).port || 7687);
    const spy = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    const db = openTestDb();
    try {
      // A statement longer than the driver's 1,400-byte write buffer: the case Nagle would hold back.
      const long = 'x'.repeat(4_000);
      expect(await db.read('RETURN size($long) AS n', { long })).toEqual([{ n: 4_000 }]);
      const boltSockets = spy.mock.contexts.filter((socket, i) => spy.mock.calls[i][0] === true && (socket as net.Socket).remotePort === boltPort);
      expect(boltSockets.length).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
      await db.close();
    }
  });
});
