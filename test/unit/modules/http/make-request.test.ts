import { describe, expect, it } from 'vitest';
import { MakeError } from '../../../../engine/errors/make-error.ts';
import makeRequest from '../../../../modules/http/make-request.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';
import { type Echo, useTestServer } from './test-server.ts';

const server = useTestServer();

async function run(
  input: Record<string, unknown>,
  parameters: Record<string, unknown> = { authenticationType: 'noAuth' },
  connections = {},
) {
  const call = fakeCall(
    'http:MakeRequest',
    { method: 'get', parseResponse: true, stopOnHttpError: true, ...input },
    parameters,
  );
  const out = (await makeRequest.run?.(call, fakeContext({ http: { connections } }))) ?? [];
  return out[0] as { statusCode: number; data: unknown };
}

describe('http:MakeRequest (v4)', () => {
  it('sends a JSON string body with application/json', async () => {
    const out = await run({
      url: `${server.url}/echo`,
      method: 'post',
      contentType: 'json',
      inputMethod: 'jsonString',
      jsonStringBodyContent: '{"q":1}',
    });
    const echo = out.data as Echo;
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.body).toBe('{"q":1}');
  });

  it('rejects a JSON string body that is not JSON with DataError', async () => {
    const error = await run({
      url: `${server.url}/echo`,
      method: 'post',
      contentType: 'json',
      inputMethod: 'jsonString',
      jsonStringBodyContent: '{q',
    }).catch((e: unknown) => e);
    expect((error as MakeError).type).toBe('DataError');
  });

  it('sends url-encoded body content', async () => {
    const out = await run({
      url: `${server.url}/echo`,
      method: 'post',
      contentType: 'urlEncoded',
      urlEncodedBodyContent: [{ name: 'a', value: '1 2' }],
    });
    expect((out.data as Echo).body).toBe('a=1+2');
  });

  it('appends queryParameters and sends headers', async () => {
    const out = await run({
      url: `${server.url}/echo`,
      queryParameters: [{ name: 'p', value: 'x' }],
      headers: [{ name: 'X-One', value: '1' }],
    });
    expect((out.data as Echo).url).toBe('/echo?p=x');
    expect((out.data as Echo).headers['x-one']).toBe('1');
  });

  it('fails on HTTP errors when stopOnHttpError is on', async () => {
    const error = await run({ url: `${server.url}/status/429` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MakeError);
    expect((error as MakeError).type).toBe('RateLimitError');
  });

  it('outputs HTTP errors when stopOnHttpError is off', async () => {
    const out = await run({ url: `${server.url}/status/500`, stopOnHttpError: false });
    expect(out.statusCode).toBe(500);
  });

  it('does not follow redirects when allowRedirects is off', async () => {
    const out = await run({ url: `${server.url}/redirect/301`, allowRedirects: false });
    expect(out.statusCode).toBe(301);
  });

  it('sends the API key from the keychain connection', async () => {
    const out = await run(
      { url: `${server.url}/echo` },
      { authenticationType: 'apiKey', apiKeyKeychain: 'kc-1' },
      { 'kc-1': { apiKey: 'Bearer z', apiKeyName: 'Authorization' } },
    );
    expect((out.data as Echo).headers.authorization).toBe('Bearer z');
  });

  it('rejects an unknown authentication type', async () => {
    const error = await run({ url: `${server.url}/echo` }, { authenticationType: 'magic' }).catch(
      (e: unknown) => e,
    );
    expect((error as MakeError).type).toBe('DataError');
  });
});
