import { channel } from 'node:diagnostics_channel';
import net from 'node:net';
import { CLIENT_SOCKETS, sendClientWritesAtOnce, turnOffNagle } from '../../src/db/tcp-no-delay';

// The subscription is process-wide and other test files in the same process open databases (which subscribe),
// so these tests check the subscriber itself and that it is subscribed exactly once, not a socket's state before.
describe('client sockets send each write at once', () => {
  test('the subscriber turns Nagle off on the socket it is told of, and ignores a message without one', () => {
    const socket = new net.Socket();
    const spy = jest.spyOn(socket, 'setNoDelay');
    turnOffNagle({ socket });
    expect(spy).toHaveBeenCalledWith(true);
    expect(() => turnOffNagle({})).not.toThrow();
    expect(() => turnOffNagle(undefined)).not.toThrow();
    socket.destroy();
  });

  test('after the first call the subscriber hears of client sockets, subscribed once however often it is called', () => {
    sendClientWritesAtOnce();
    sendClientWritesAtOnce();
    const sockets = channel(CLIENT_SOCKETS);
    try {
      expect(sockets.unsubscribe(turnOffNagle)).toBe(true);
      expect(sockets.unsubscribe(turnOffNagle)).toBe(false);
    } finally {
      sockets.subscribe(turnOffNagle);
    }
  });

  test('a client socket opened afterwards has Nagle turned off before it connects', async () => {
    sendClientWritesAtOnce();
    // The server's side of each connection is tracked and destroyed, so closing the server never waits on it.
    const accepted = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      accepted.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const spy = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    let client: net.Socket | undefined;
    try {
      const port = (server.address() as net.AddressInfo).port;
      client = await new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
        socket.on('error', reject);
      });
      // Other subscribers may call it too; what matters is that the client was told to send at once.
      const onClient = spy.mock.calls.filter((_, i) => spy.mock.contexts[i] === client).map(([value]) => value);
      expect(onClient).toContain(true);
      expect(onClient).not.toContain(false);
    } finally {
      spy.mockRestore();
      client?.destroy();
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
