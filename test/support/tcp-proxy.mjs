// @ts-check
/**
 * A plain TCP proxy in front of a database server, which a test can take down and bring
 * back: down, it cuts every open connection and refuses new ones, which is what the
 * server's side of a PostgreSQL restart looks like to its clients; up, it accepts again
 * on the same port. Nothing inside Quanda or PostgreSQL is touched.
 */
import net from 'node:net';
import {pair} from './drop-proxy.mjs';

/**
 * @param {number} targetPort
 * @param {{down?: boolean}} [options] `down`: start with the port closed (the database not yet up).
 */
export async function startTcpProxy(targetPort, options = {}) {
  /** @type {Set<net.Socket>} */
  const sockets = new Set();
  let connections = 0;

  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect(targetPort, '127.0.0.1');
    pair(client, upstream, sockets);
    client.pipe(upstream);
    upstream.pipe(client);
  });

  // A free port, kept for the proxy's life so that "up" reopens the same one.
  const port = await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const {port: free} = /** @type {net.AddressInfo} */ (probe.address());
      probe.close(() => resolve(free));
    });
  });

  const listen = () =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(undefined);
      });
    });

  if (!options.down) await listen();

  return {
    port: /** @type {number} */ (port),
    /** Connections made through the proxy so far. */
    get connections() {
      return connections;
    },
    /** Cuts every connection and closes the port. */
    async down() {
      const closed = server.listening
        ? new Promise((resolve) => server.close(() => resolve(undefined)))
        : Promise.resolve();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    /** Opens the port again. */
    up: listen,
    stop() {
      return this.down();
    },
  };
}
