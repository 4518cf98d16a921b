// @ts-check
/**
 * A TCP proxy in front of Quanda servers that can lose a response, the way a phone on a
 * train does: the request reaches the server whole, the server commits the write and
 * answers, and the proxy destroys the client's connection as soon as the first byte of
 * that answer arrives. The client sees a network error; the server saw nothing unusual.
 * No hook inside the server is needed, or used.
 *
 * New connections go to the current upstream, which a test can switch (a retry reaching
 * a second server process, or the same one after a restart); given several, the proxy
 * takes them in turn, one new connection each (round robin, as a load balancer does).
 */
import net from 'node:net';

/**
 * @param {number | number[]} upstreamPorts
 */
export async function startDropProxy(upstreamPorts) {
  let upstreams = [upstreamPorts].flat();
  let turn = 0;
  let dropsLeft = 0;
  let dropped = 0;
  /** @type {Set<net.Socket>} */
  const sockets = new Set();

  const server = net.createServer((client) => {
    const upstream = net.connect(upstreams[turn++ % upstreams.length] ?? 0, '127.0.0.1');
    // A browser asks before a cross-origin write (CORS preflight): answers to those pass,
    // so the answer lost is the write's own. Requests on one connection come one at a time.
    let lastMethod = '';
    client.on('data', (chunk) => {
      const method = /^(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD) /.exec(
        chunk.toString('latin1', 0, 8),
      );
      if (method) lastMethod = method[1] ?? '';
    });
    pair(client, upstream, sockets);
    client.pipe(upstream);
    upstream.on('data', (chunk) => {
      if (dropsLeft > 0 && lastMethod !== 'OPTIONS') {
        // The server has answered, so the write is committed: lose the answer.
        dropsLeft--;
        dropped++;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    upstream.on('end', () => client.end());
    client.on('end', () => upstream.end());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const {port} = /** @type {net.AddressInfo} */ (server.address());

  return {
    url: `http://127.0.0.1:${port}`,
    /** Loses the next response that comes back (on whatever connection). */
    dropNextResponse() {
      dropsLeft++;
    },
    /** @param {number | number[]} ports New connections go here (in turn) from now on. */
    setUpstream(ports) {
      upstreams = [ports].flat();
    },
    /** Responses lost so far. */
    get dropped() {
      return dropped;
    },
    stop() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/**
 * Keeps the two ends of a proxied connection in `sockets` while open, and ends both when
 * either fails.
 * @param {net.Socket} client
 * @param {net.Socket} upstream
 * @param {Set<net.Socket>} sockets
 */
export function pair(client, upstream, sockets) {
  for (const socket of [client, upstream]) {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {
      client.destroy();
      upstream.destroy();
    });
  }
}
