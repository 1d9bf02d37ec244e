import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** The edge's limits on connections and time. */
export interface ConnectionLimits {
  /** Open connections at most. */
  readonly maxConnections: number;
  /** A request's headers must be complete within this time. */
  readonly headersTimeoutMs: number;
  /** A whole request (headers and body) must be complete within this time. */
  readonly requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this time. */
  readonly keepAliveTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxConnections: 512,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

/**
 * Bound what slow or idle sockets can take. Node closes a connection whose headers or request are not complete in
 * time, and an idle kept-alive one; on top of that at most `maxConnections` stay open: a new connection beyond it
 * closes the connection that has been idle longest (still sending headers, or kept alive between requests), so a
 * crowd of slow sockets cannot lock out a health probe or the channel. Only when every connection is busy with a
 * request is the newcomer closed instead.
 */
export function boundConnections(server: Server, limits: ConnectionLimits): { readonly open: () => number } {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Node checks those timeouts on an interval (30 s by default); check often enough for them to mean something.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(
    50,
    Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4)),
  );
  // Insertion order of the map is the order of becoming idle: the first idle socket is the longest idle.
  const idle = new Map<Socket, true>();
  const busy = new Set<Socket>();

  server.on('connection', (socket: Socket) => {
    if (idle.size + busy.size >= limits.maxConnections) {
      const [oldest] = idle.keys();
      if (oldest) {
        idle.delete(oldest);
        oldest.destroy();
      } else {
        socket.destroy();
        return;
      }
    }
    idle.set(socket, true);
    socket.once('close', () => {
      idle.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    if (!idle.delete(socket) && !busy.has(socket)) return;
    busy.add(socket);
    res.once('close', () => {
      if (!busy.delete(socket) || socket.destroyed) return;
      idle.set(socket, true);
    });
  });
  return { open: () => idle.size + busy.size };
}
