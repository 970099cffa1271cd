import { describe, expect, it } from 'vitest';
import { MakeError } from '../../../../engine/errors/make-error.ts';
import { SetupError } from '../../../../engine/errors/setup-error.ts';
import sendData from '../../../../modules/http/action-send-data.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';
import { type Echo, useTestServer } from './test-server.ts';

const server = useTestServer();

async function send(input: Record<string, unknown>, parameters: Record<string, unknown> = {}) {
  const call = fakeCall('http:ActionSendData', { method: 'get', parseResponse: true, ...input }, parameters);
  const out = await sendData.run?.(call, fakeContext());
  return (out ?? [])[0] as {
    statusCode: number;
    headers: Array<{ name: string; value: string }>;
    cookieHeaders: string[];
    data: unknown;
  };
}

async function failure(
  input: Record<string, unknown>,
  parameters: Record<string, unknown> = {},
): Promise<MakeError | SetupError> {
  try {
    await send(input, parameters);
  } catch (error) {
    if (error instanceof MakeError || error instanceof SetupError) return error;
    throw error;
  }
  throw new Error('expected the module to fail');
}

describe('http:ActionSendData', () => {
  it.each(['get', 'post', 'put', 'patch', 'delete', 'options'])('sends the %s method', async (method) => {
    const out = await send({ url: `${server.url}/echo`, method });
    expect((out.data as Echo).method).toBe(method.toUpperCase());
  });

  it('sends HEAD and returns an empty body', async () => {
    const out = await send({ url: `${server.url}/echo`, method: 'head' });
    expect(out.statusCode).toBe(200);
    expect(out.data).toBe('');
  });

  it('outputs statusCode, headers as name/value pairs and cookieHeaders', async () => {
    const out = await send({ url: `${server.url}/set-cookie` });
    expect(out.statusCode).toBe(200);
    expect(out.headers).toContainEqual({ name: 'set-cookie', value: 'session=abc; Path=/' });
    expect(out.cookieHeaders).toEqual(['session=abc; Path=/']);
    expect(out.data).toBe('ok');
  });

  it('sends the mapped headers', async () => {
    const out = await send({ url: `${server.url}/echo`, headers: [{ name: 'X-Trace', value: 't-1' }] });
    expect((out.data as Echo).headers['x-trace']).toBe('t-1');
  });

  it('appends query string rows to the URL', async () => {
    const out = await send({
      url: `${server.url}/echo?x=0`,
      qs: [
        { name: 'a', value: '1' },
        { name: 'b', value: 'two words' },
      ],
    });
    expect((out.data as Echo).url).toBe('/echo?x=0&a=1&b=two+words');
  });

  it('serializes repeated query names as indexed keys by default', async () => {
    const out = await send({
      url: `${server.url}/echo`,
      qs: [
        { name: 'a', value: '1' },
        { name: 'a', value: '2' },
      ],
    });
    expect(decodeURIComponent((out.data as Echo).url)).toBe('/echo?a[0]=1&a[1]=2');
  });

  it('repeats query names with useQuerystring', async () => {
    const out = await send({
      url: `${server.url}/echo`,
      useQuerystring: true,
      qs: [
        { name: 'a', value: '1' },
        { name: 'a', value: '2' },
      ],
    });
    expect((out.data as Echo).url).toBe('/echo?a=1&a=2');
  });

  it('sends a raw body with the chosen content type', async () => {
    const out = await send({
      url: `${server.url}/echo`,
      method: 'post',
      bodyType: 'raw',
      contentType: 'application/json',
      data: '{"a":1}',
    });
    const echo = out.data as Echo;
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.body).toBe('{"a":1}');
  });

  it('uses customContentType when contentType is custom', async () => {
    const out = await send({
      url: `${server.url}/echo`,
      method: 'post',
      bodyType: 'raw',
      contentType: 'custom',
      customContentType: 'application/vnd.test+json',
      data: '{}',
    });
    expect((out.data as Echo).headers['content-type']).toBe('application/vnd.test+json');
  });

  it('keeps a Content-Type header the user set', async () => {
    const out = await send({
      url: `${server.url}/echo`,
      method: 'post',
      bodyType: 'raw',
      contentType: 'application/json',
      headers: [{ name: 'Content-Type', value: 'text/csv' }],
      data: 'a,b',
    });
    expect((out.data as Echo).headers['content-type']).toBe('text/csv');
  });

  it('sends x_www_form_urlencoded form fields', async () => {
    const out = await send({
      url: `${server.url}/echo`,
      method: 'post',
      bodyType: 'x_www_form_urlencoded',
      formFields: [
        { key: 'name', value: 'Ann Lee' },
        { key: 'tag', value: 'a&b' },
      ],
    });
    const echo = out.data as Echo;
    expect(echo.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(echo.body).toBe('name=Ann+Lee&tag=a%26b');
  });

  it('sends multipart_form_data with text and file fields', async () => {
    const out = await send({
      url: `${server.url}/echo`,
      method: 'post',
      bodyType: 'multipart_form_data',
      formDataFields: [
        { fieldType: 'text', key: 'title', value: 'Report' },
        { fieldType: 'file', key: 'upload', data: Buffer.from('file-content'), fileName: 'r.txt' },
      ],
    });
    const echo = out.data as Echo;
    expect(echo.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(echo.body).toContain('name="title"\r\n\r\nReport');
    expect(echo.body).toMatch(/name="upload"; filename="r.txt"[\s\S]*file-content/);
  });

  it('parses JSON responses when parseResponse is on', async () => {
    const out = await send({ url: `${server.url}/echo?k=v` });
    expect((out.data as Echo).query).toEqual({ k: 'v' });
  });

  it('returns the JSON text when parseResponse is off', async () => {
    const out = await send({ url: `${server.url}/status/200`, parseResponse: false });
    expect(out.data).toBe('{"error":"status 200"}');
  });

  it('parses XML responses when parseResponse is on', async () => {
    const out = await send({ url: `${server.url}/xml` });
    expect(out.data).toEqual({ root: { item: { '#text': 'one', '@_id': '1' } } });
  });

  it('fails with DataError when a JSON response cannot be parsed', async () => {
    const error = await failure({ url: `${server.url}/broken-json` });
    expect(error.type).toBe('DataError');
  });

  it('keeps binary bodies as a Buffer', async () => {
    const out = await send({ url: `${server.url}/binary` });
    expect(out.data).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });

  it('decodes gzip content when gzip is on', async () => {
    const out = await send({ url: `${server.url}/gzip`, gzip: true });
    expect(out.data).toEqual({ zipped: true });
  });

  it('asks for compressed content only when gzip is on', async () => {
    const on = await send({ url: `${server.url}/echo`, gzip: true });
    const off = await send({ url: `${server.url}/echo`, gzip: false });
    expect((on.data as Echo).headers['accept-encoding']).toContain('gzip');
    expect((off.data as Echo).headers['accept-encoding']).toBeUndefined();
  });

  it('follows redirects of GET requests by default', async () => {
    const out = await send({ url: `${server.url}/redirect/302` });
    expect((out.data as Echo).url).toBe('/echo');
  });

  it('returns the 3xx answer when followRedirect is off', async () => {
    const out = await send({ url: `${server.url}/redirect/302`, followRedirect: false });
    expect(out.statusCode).toBe(302);
    expect(out.headers).toContainEqual({ name: 'location', value: '/echo' });
  });

  it('does not follow redirects of POST unless followAllRedirects', async () => {
    const stay = await send({ url: `${server.url}/redirect/302`, method: 'post' });
    expect(stay.statusCode).toBe(302);
    const follow = await send({
      url: `${server.url}/redirect/302`,
      method: 'post',
      followAllRedirects: true,
      data: 'x',
    });
    expect((follow.data as Echo).method).toBe('GET');
  });

  it('keeps the method and body on a 307 redirect', async () => {
    const out = await send({
      url: `${server.url}/redirect/307`,
      method: 'post',
      followAllRedirects: true,
      data: 'kept',
    });
    expect((out.data as Echo).method).toBe('POST');
    expect((out.data as Echo).body).toBe('kept');
  });

  it('fails with ModuleTimeoutError when the server is slower than the timeout', async () => {
    const error = await failure({ url: `${server.url}/slow`, timeout: '1' });
    expect(error.type).toBe('ModuleTimeoutError');
  });

  it('stops the request when the run is aborted, with the run’s reason', async () => {
    const controller = new AbortController();
    const reason = new Error('run stopped');
    const call = fakeCall('http:ActionSendData', { url: `${server.url}/slow`, method: 'get' });
    const pending = Promise.resolve(sendData.run?.(call, fakeContext({ signal: controller.signal }))).catch(
      (e: unknown) => e,
    );
    setTimeout(() => controller.abort(reason), 50);
    expect(await pending).toBe(reason);
  });

  it('rejects a timeout outside 1–300 seconds', async () => {
    const error = await failure({ url: `${server.url}/echo`, timeout: '301' });
    expect(error.type).toBe('DataError');
  });

  it('fails with ConnectionError when the connection is refused', async () => {
    const error = await failure({ url: 'http://127.0.0.1:1/nothing' });
    expect(error.type).toBe('ConnectionError');
  });

  it('refuses a non-loopback host under the default network policy', async () => {
    const error = await failure({ url: 'https://api.example.com/v1' });
    expect(error.type).toBe('SetupError');
    expect(error.details?.code).toBe('network-blocked');
    expect(error.details?.host).toBe('api.example.com');
  });

  it('sends inline basic auth from authUser/authPass', async () => {
    const out = await send({ url: `${server.url}/echo`, authUser: 'ann', authPass: 'pw' });
    expect((out.data as Echo).headers.authorization).toBe(
      `Basic ${Buffer.from('ann:pw').toString('base64')}`,
    );
  });

  it('shares cookies between modules of one execution when shareCookies is on', async () => {
    const ctx = fakeContext();
    const first = fakeCall('http:ActionSendData', {
      url: `${server.url}/set-cookie`,
      method: 'get',
      shareCookies: true,
    });
    await sendData.run?.(first, ctx);
    const second = fakeCall('http:ActionSendData', {
      url: `${server.url}/echo`,
      method: 'get',
      shareCookies: true,
      parseResponse: true,
    });
    const out = (await sendData.run?.(second, ctx)) ?? [];
    expect((out[0]?.data as Echo | undefined)?.headers.cookie).toBe('session=abc');
  });
});

describe('http:ActionSendData status handling', () => {
  it('outputs a 4xx answer as a normal bundle when handleErrors is off', async () => {
    const out = await send({ url: `${server.url}/status/404` }, { handleErrors: false });
    expect(out.statusCode).toBe(404);
    expect(out.data).toEqual({ error: 'status 404' });
  });

  it.each([
    [400, 'BundleValidationError'],
    [401, 'AccountValidationError'],
    [403, 'AccountValidationError'],
    [404, 'BundleValidationError'],
    [409, 'RuntimeError'],
    [429, 'RateLimitError'],
    [500, 'ConnectionError'],
    [503, 'ConnectionError'],
  ])('maps status %i to %s when handleErrors is on', async (status, type) => {
    const error = await failure({ url: `${server.url}/status/${status}` }, { handleErrors: true });
    expect(error.type).toBe(type);
    expect(error.details?.statusCode).toBe(status);
  });

  it('does not fail 2xx answers when handleErrors is on', async () => {
    const out = await send({ url: `${server.url}/status/201` }, { handleErrors: true });
    expect(out.statusCode).toBe(201);
  });
});
