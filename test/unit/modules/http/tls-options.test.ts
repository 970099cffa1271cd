/**
 * rejectUnauthorized and ca against a local HTTPS server with a self-signed certificate
 * (fixtures/, CN and SAN 127.0.0.1, a test-only key).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MakeError } from '../../../../engine/errors/make-error.ts';
import sendData from '../../../../modules/http/action-send-data.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const cert = readFileSync(path.join(fixtures, 'self-signed-cert.pem'), 'utf8');
const key = readFileSync(path.join(fixtures, 'self-signed-key.pem'), 'utf8');

let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer({ cert, key }, (_req, res) => res.end('secure'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function get(input: Record<string, unknown>) {
  const call = fakeCall('http:ActionSendData', { url, method: 'get', ...input });
  return Promise.resolve(sendData.run?.(call, fakeContext())).then(
    (out) => out?.[0],
    (error: unknown) => error as MakeError,
  );
}

describe('http:ActionSendData TLS options', () => {
  it('refuses a self-signed certificate by default with ConnectionError', async () => {
    expect(((await get({})) as MakeError).type).toBe('ConnectionError');
  });

  it('accepts it when rejectUnauthorized is off', async () => {
    expect(await get({ rejectUnauthorized: false })).toMatchObject({ statusCode: 200, data: 'secure' });
  });

  it('accepts it when its certificate is given as ca', async () => {
    expect(await get({ ca: cert })).toMatchObject({ statusCode: 200, data: 'secure' });
  });
});
