import net from 'node:net';
import { sendClientWritesAtOnce } from '../../src/db/tcp-no-delay';

// Connects a client socket to `server` and resolves once the connection is made.
function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

describe('client sockets send each write at once', () => {
  const server = net.createServer((socket) => socket.on('error', () => undefined));
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('Nagle is turned off on every client socket opened after the first call, and only then', async () => {
    const spy = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    try {
      const before = await connect(port);
      const turnedOff = () => new Set(spy.mock.contexts.filter((_, i) => spy.mock.calls[i][0] === true));
      expect(turnedOff().has(before)).toBe(false);
      sendClientWritesAtOnce();
      sendClientWritesAtOnce(); // a second call subscribes nothing more
      const after = await connect(port);
      expect(turnedOff().has(after)).toBe(true);
      expect(spy.mock.contexts.filter((socket) => socket === after)).toHaveLength(1);
      before.destroy();
      after.destroy();
    } finally {
      spy.mockRestore();
    }
  });
});
