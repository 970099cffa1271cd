/**
 * Reading the rest of a refused body before answering. Fastify refuses an oversized body without
 * reading it, and a client still uploading (Node's fetch, curl) then fails with EPIPE instead of
 * reading the `413 Payload too large.` that was sent. Reading (and dropping) the rest first lets it
 * finish its upload and read the answer; past DRAIN_LIMIT_BYTES the connection is cut instead.
 */
import type { IncomingMessage } from 'node:http';

export const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
/** A client that stops sending does not hold the answer (or the socket) for long. */
const DRAIN_TIMEOUT_MS = 30_000;

export function drainBody(request: IncomingMessage, limit = DRAIN_LIMIT_BYTES): Promise<void> {
  if (request.complete || request.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const done = () => {
      clearTimeout(timer);
      request.off('data', count);
      resolve();
    };
    const count = (chunk: Buffer) => {
      read += chunk.length;
      if (read > limit) {
        request.socket.destroy();
        done();
      }
    };
    const timer = setTimeout(() => {
      request.socket.destroy();
      done();
    }, DRAIN_TIMEOUT_MS);
    request.on('data', count);
    request.once('end', done);
    request.once('close', done);
    request.resume();
  });
}
