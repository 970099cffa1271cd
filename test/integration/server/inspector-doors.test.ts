/**
 * The run page's doors: it needs the token (a one-time sign-in link, the sign-in form, or
 * `Authorization: Token`), answers only to this server's own Host names (DNS rebinding), refuses
 * other origins on state-changing and stream requests, and never shows a secret.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { reachableAt } from '../../../server/main.ts';
import { AllowedHosts, machineAddresses } from '../../../server/ui/host-check.ts';
import { addScenario, auth, blueprints, TOKEN, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url, headers: { host: '127.0.0.1:8080', ...headers } });

async function signedInCookie(): Promise<string> {
  const res = await get(server.access.newLoginPath());
  return String(res.headers['set-cookie']).split(';')[0] ?? '';
}

describe('run page sign-in', () => {
  it.each([
    '/',
    '/_inspector/api/scenarios',
    '/_inspector/api/executions',
    '/_inspector/api/executions/x',
    '/_inspector/api/scenarios/1/fakes',
    '/_inspector/events',
  ])('refuses %s without the token', async (url) => {
    server = testServer();
    const res = await get(url);
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain('Responder');
  });

  it('answers the sign-in page at / until signed in', async () => {
    server = testServer();
    const res = await get('/');
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('name="token"');
  });

  it('accepts the API token in the Authorization header', async () => {
    server = testServer();
    addScenario(server, blueprints.responder());
    const res = await get('/_inspector/api/scenarios', auth);
    expect(res.statusCode).toBe(200);
    expect(res.json()[0].name).toBe('Responder');
  });

  it('signs a browser in once with the printed link: an HttpOnly, SameSite=Strict cookie', async () => {
    server = testServer();
    const link = server.access.newLoginPath();
    const first = await get(link);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);

    const page = await get('/', { cookie: cookie.split(';')[0] ?? '' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-testid="executions"');

    const again = await get(link);
    expect(again.statusCode).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('signs in with the token typed into the form, and refuses a wrong one', async () => {
    server = testServer();
    const post = (token: string) =>
      server.app.inject({
        method: 'POST',
        url: '/_inspector/login',
        headers: {
          host: 'localhost:8080',
          origin: 'http://localhost:8080',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: `token=${encodeURIComponent(token)}`,
      });
    expect((await post('wrong')).statusCode).toBe(401);
    const ok = await post(TOKEN);
    expect(ok.statusCode).toBe(303);
    const cookie = String(ok.headers['set-cookie']).split(';')[0] ?? '';
    expect((await get('/_inspector/api/executions', { cookie })).statusCode).toBe(200);
  });

  it('does not take a made-up cookie', async () => {
    server = testServer();
    const cookie = (await signedInCookie()).replace(/=.*/, '=forged');
    expect((await get('/_inspector/api/scenarios', { cookie })).statusCode).toBe(401);
  });

  it('answers /favicon.ico with no content instead of the gateway 410', async () => {
    server = testServer();
    expect((await get('/favicon.ico')).statusCode).toBe(204);
  });
});

describe('DNS rebinding and other origins', () => {
  it('refuses a signed-in request whose Host is another name (DNS rebinding)', async () => {
    server = testServer();
    const cookie = await signedInCookie();
    const res = await get('/_inspector/api/scenarios', { cookie, host: 'evil.example:8080' });
    expect(res.statusCode).toBe(403);
  });

  it.each(['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'app.localhost'])(
    'answers Host %s',
    async (host) => {
      server = testServer();
      const cookie = await signedInCookie();
      expect((await get('/_inspector/api/scenarios', { cookie, host })).statusCode).toBe(200);
    },
  );

  it('refuses the event stream and the sign-in form from another origin', async () => {
    server = testServer();
    const cookie = await signedInCookie();
    const stream = await get('/_inspector/events', { cookie, origin: 'http://evil.example' });
    expect(stream.statusCode).toBe(403);
    const login = await server.app.inject({
      method: 'POST',
      url: '/_inspector/login',
      headers: {
        host: '127.0.0.1:8080',
        origin: 'http://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: `token=${TOKEN}`,
    });
    expect(login.statusCode).toBe(403);
    expect(login.headers['set-cookie']).toBeUndefined();
  });

  it('with --host 0.0.0.0 answers this machine’s addresses and names them in the banner', () => {
    const hosts = new AllowedHosts();
    const lan = machineAddresses().find((address) => address.includes('.') && !address.startsWith('127.'));
    if (lan) expect(hosts.allowsHost(`${lan}:8080`)).toBe(false);
    hosts.bind('0.0.0.0');
    if (lan) expect(hosts.allowsHost(`${lan}:8080`)).toBe(true);
    expect(hosts.allowsHost('evil.example')).toBe(false);
    const reach = reachableAt('0.0.0.0', 8080, 'http://0.0.0.0:8080');
    expect(reach).toMatchObject({ url: 'http://127.0.0.1:8080', exposed: true });
    expect(reach.addresses).toContain('http://127.0.0.1:8080');
    expect(reach.addresses.some((address) => address.includes('0.0.0.0'))).toBe(false);
    expect(reachableAt('127.0.0.1', 8080, 'http://127.0.0.1:8080').exposed).toBe(false);
  });
});

describe('secrets on the run page', () => {
  it('redacts api_key-like query values in the execution detail', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.queued());
    await server.app.inject({
      method: 'POST',
      url: `/${udid}`,
      payload: { n: 'https://api.example/v1?api_key=S3cr3tValue&page=2' },
    });
    await server.services.runner.idle();
    const [row] = (await get('/_inspector/api/executions', auth)).json();
    const detail = await get(`/_inspector/api/executions/${row.id}`, auth);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain('S3cr3tValue');
    expect(detail.body).toContain('api_key=[redacted]&page=2');
  });
});
