/**
 * The run page's doors, checked before every inspector route: the `Host` header must name this
 * server (DNS rebinding), a state-changing or event-stream request must not come from another
 * origin, and everything but the sign-in page and static assets needs a signed-in browser or the
 * API token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { InspectorAccess } from './access.ts';
import { loginPage } from './login-page.ts';

/** Reachable without signing in: they hold no data. */
const PUBLIC = new Set([
  '/_inspector/login',
  '/_inspector/app.js',
  '/_inspector/fakes.js',
  '/_inspector/style.css',
  '/_inspector/icon.svg',
  '/favicon.ico',
]);

export function inspectorGuard(access: InspectorAccess) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const path = request.url.split('?')[0] ?? '';
    if (!access.hosts.allowsHost(request.headers.host)) {
      return refuse(
        reply,
        403,
        `Host "${request.headers.host ?? ''}" is not this server's address; open the run page through 127.0.0.1 or localhost.`,
      );
    }
    const origin = request.headers.origin;
    const guarded = request.method !== 'GET' || path === '/_inspector/events';
    if (
      guarded &&
      (origin !== undefined
        ? !access.hosts.allowsOrigin(origin)
        : request.headers['sec-fetch-site'] === 'cross-site')
    ) {
      return refuse(reply, 403, `Requests from origin "${origin ?? 'another site'}" are refused.`);
    }
    if (PUBLIC.has(path) || access.isSignedIn(request)) return;
    if (path === '/') {
      return reply.code(401).type('text/html; charset=utf-8').send(loginPage('Sign in to see the runs.'));
    }
    return refuse(
      reply,
      401,
      'Sign in with the link printed by makesim serve, or send Authorization: Token <your API token>.',
    );
  };
}

function refuse(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).type('application/json; charset=utf-8').send({ message });
}
