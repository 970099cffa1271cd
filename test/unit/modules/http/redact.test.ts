import { describe, expect, it } from 'vitest';
import { MakeError } from '../../../../engine/errors/make-error.ts';
import type { HttpConnection } from '../../../../engine/ports/http.ts';
import type { ModuleDefinition } from '../../../../engine/registry/define-module.ts';
import sendData from '../../../../modules/http/action-send-data.ts';
import apiKeyAuth from '../../../../modules/http/action-send-data-api-key-auth.ts';
import basicAuth from '../../../../modules/http/action-send-data-basic-auth.ts';
import { isSecretParameter, REDACTED, redactText, redactValue } from '../../../../modules/http/redact.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';
import { useTestServer } from './test-server.ts';

const server = useTestServer();

async function failure(
  definition: ModuleDefinition,
  input: Record<string, unknown>,
  parameters: Record<string, unknown> = {},
  connections: Record<string, HttpConnection> = {},
): Promise<MakeError> {
  const call = fakeCall(definition.key, { method: 'get', ...input }, parameters);
  try {
    await definition.run?.(call, fakeContext({ http: { connections } }));
  } catch (error) {
    if (error instanceof MakeError) return error;
    throw error;
  }
  throw new Error('expected the module to fail');
}

describe('secrets in HTTP module errors', () => {
  it('redacts an api_key query value in the too-many-redirects error', async () => {
    const error = await failure(sendData, { url: `${server.url}/loop?api_key=S3cr3tValue&page=2` });
    expect(error.details?.code).toBe('too-many-redirects');
    expect(error.message).not.toContain('S3cr3tValue');
    expect(error.message).toContain(`api_key=${REDACTED}&page=2`);
  });

  it('redacts a connection key sent in the query under its own parameter name', async () => {
    const error = await failure(
      apiKeyAuth,
      { url: `${server.url}/loop` },
      { auth: 7 },
      { '7': { apiKey: 'conn-KEY-123', apiKeyName: 'customer', apiKeyPlacement: 'query' } },
    );
    expect(error.message).toContain('More than 10 redirects');
    expect(error.message).not.toContain('conn-KEY-123');
  });

  it('redacts credentials an API echoes into its error body', async () => {
    const error = await failure(
      basicAuth,
      { url: `${server.url}/deny-echo?token=tok-ABCDEF`, parseResponse: true },
      { key: 3, handleErrors: true },
      { '3': { username: 'ann', password: 'pa55word!' } },
    );
    expect(error.type).toBe('AccountValidationError');
    const basic = Buffer.from('ann:pa55word!').toString('base64');
    expect(error.message).not.toContain(basic);
    expect(error.message).not.toContain('tok-ABCDEF');
  });
});

describe('redactText', () => {
  it.each([
    ['api_key'],
    ['API-KEY'],
    ['access_token'],
    ['key'],
    ['client_secret'],
    ['X-Amz-Signature'],
    ['password'],
    ['private_key'],
  ])('treats %s as secret', (name) => {
    expect(isSecretParameter(name)).toBe(true);
  });

  it.each([['page'], ['keyword'], ['monkey'], ['tokens_used'], ['q']])('leaves %s alone', (name) => {
    expect(isSecretParameter(name)).toBe(false);
  });

  it('keeps the rest of the URL and the empty values', () => {
    expect(redactText('GET https://a.example/x?q=1&token=abc#frag and ?secret=')).toBe(
      `GET https://a.example/x?q=1&token=${REDACTED}#frag and ?secret=`,
    );
  });

  it('redacts given secret values anywhere in a JSON value', () => {
    expect(redactValue({ a: ['x hunter22 y', 3, null], b: { url: '/p?sig=zz' } }, ['hunter22'])).toEqual({
      a: [`x ${REDACTED} y`, 3, null],
      b: { url: `/p?sig=${REDACTED}` },
    });
  });
});
