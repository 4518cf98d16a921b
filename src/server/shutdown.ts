import type {Server, ServerResponse} from 'node:http';
import type {Socket} from 'node:net';

/**
 * Stops an HTTP server the way a restart wants: no new connections, every request already
 * received answered, and every other connection closed at once, so a deploy takes as long
 * as the slowest request in flight, not as long as the quietest client.
 *
 * `server.close()` alone waits for sockets Node does not count as idle: a connection a
 * browser or proxy opened ahead of time and sent nothing on yet (Chromium does this), and
 * a keep-alive connection whose request finishes after the close, which then lingers for
 * the keep-alive timeout. Either kept a stopping server up until its grace period ran out.
 */
export function drainOnClose(server: Server) {
  /** Responses not yet finished, per connection. */
  const busy = new Map<Socket, Set<ServerResponse>>();
  const sockets = new Set<Socket>();
  let closing = false;

  server.on('connection', (socket: Socket) => {
    if (closing) return void socket.destroy();
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (request: {socket: Socket}, response: ServerResponse) => {
    const {socket} = request;
    const responses = busy.get(socket) ?? new Set();
    busy.set(socket, responses.add(response));
    // A response while closing is the connection's last.
    if (closing) response.shouldKeepAlive = false;
    response.once('close', () => {
      responses.delete(response);
      if (responses.size) return;
      busy.delete(socket);
      if (closing) socket.end();
    });
  });

  /** Closes the server; resolves once the last request in flight has been answered. */
  return function close(): Promise<void> {
    closing = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) {
      const responses = busy.get(socket);
      if (!responses) {
        socket.destroy();
        continue;
      }
      // Say "Connection: close" on the answers still to come, so no client reuses the socket.
      for (const response of responses) if (!response.headersSent) response.shouldKeepAlive = false;
    }
    return closed;
  };
}
