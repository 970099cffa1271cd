/**
 * Signing a browser in to the run page: `GET /_inspector/login?code=…` (the one-time link from the
 * banner) or `POST /_inspector/login` with the API token from the sign-in form. Both set the
 * session cookie and send the browser to `/`.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { InspectorAccess } from './access.ts';
import { loginPage } from './login-page.ts';

export function loginRoutes(app: FastifyInstance, access: InspectorAccess): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.get('/_inspector/login', async (request, reply) => {
    const code = (request.query as { code?: unknown }).code;
    if (typeof code === 'string' && access.redeem(code)) return signIn(reply, access);
    return denied(reply, 'This sign-in link was already used or has expired. Paste the API token instead.');
  });
  app.post('/_inspector/login', async (request, reply) => {
    const token = (request.body as { token?: unknown } | undefined)?.token;
    if (typeof token === 'string' && access.tokenMatches(token.trim())) return signIn(reply, access);
    return denied(reply, 'That is not the API token of this server.');
  });
}

function signIn(reply: FastifyReply, access: InspectorAccess) {
  return reply.code(303).header('set-cookie', access.sessionCookie()).header('location', '/').send();
}

function denied(reply: FastifyReply, message: string) {
  return reply.code(401).type('text/html; charset=utf-8').send(loginPage(message));
}
