import { describe, expect, it } from 'vitest';
import { SetupError } from '../../../../engine/errors/setup-error.ts';
import type { HttpConnection } from '../../../../engine/ports/http.ts';
import type { ModuleDefinition } from '../../../../engine/registry/define-module.ts';
import apiKeyAuth from '../../../../modules/http/action-send-data-api-key-auth.ts';
import basicAuth from '../../../../modules/http/action-send-data-basic-auth.ts';
import oauth from '../../../../modules/http/action-send-data-oauth.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';
import { type Echo, useTestServer } from './test-server.ts';

const server = useTestServer();

async function echo(
  definition: ModuleDefinition,
  parameters: Record<string, unknown>,
  connections: Record<string, HttpConnection>,
  raw: Record<string, unknown> = {},
): Promise<Echo> {
  const call = fakeCall(
    definition.key,
    { url: `${server.url}/echo`, method: 'get', parseResponse: true },
    parameters,
    raw,
  );
  const out = (await definition.run?.(call, fakeContext({ http: { connections } }))) ?? [];
  return out[0]?.data as Echo;
}

describe('HTTP auth variants: http:ActionSendDataBasicAuth, http:ActionSendDataAPIKeyAuth, http:ActionSendDataOAuth', () => {
  it('sends Basic credentials from the configured connection', async () => {
    const data = await echo(basicAuth, { key: 12 }, { '12': { username: 'ann', password: 's3cret' } });
    expect(data.headers.authorization).toBe(`Basic ${Buffer.from('ann:s3cret').toString('base64')}`);
  });

  it('sends an API key in the header the connection names', async () => {
    const data = await echo(
      apiKeyAuth,
      { auth: 106516 },
      { '106516': { apiKey: 'k-1', apiKeyName: 'X-Api-Key' } },
    );
    expect(data.headers['x-api-key']).toBe('k-1');
  });

  it('sends an API key in the query string when the connection says so', async () => {
    const data = await echo(
      apiKeyAuth,
      { auth: 5 },
      { '5': { apiKey: 'k-2', apiKeyName: 'token', apiKeyPlacement: 'query' } },
    );
    expect(data.url).toBe('/echo?token=k-2');
  });

  it('sends the OAuth access token as a Bearer token', async () => {
    const data = await echo(oauth, { account: 33477 }, { '33477': { accessToken: 'at-9' } });
    expect(data.headers.authorization).toBe('Bearer at-9');
  });

  it('finds a connection by its label in metadata.restore', async () => {
    const raw = { metadata: { restore: { parameters: { account: { label: 'My Google' } } } } };
    const data = await echo(oauth, { account: 1 }, { 'My Google': { accessToken: 'by-label' } }, raw);
    expect(data.headers.authorization).toBe('Bearer by-label');
  });

  it('fails with a setup error when no connection is configured', async () => {
    const call = fakeCall(apiKeyAuth.key, { url: `${server.url}/echo`, method: 'get' }, { auth: 99 });
    const error = await Promise.resolve(apiKeyAuth.run?.(call, fakeContext())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).details?.code).toBe('missing-connection');
  });
});
