import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { SetupError } from '../../../engine/errors/setup-error.ts';
import { createHttpMocks, type HttpMockSet } from '../../../test-runner/http-mocks.ts';

let mocks: HttpMockSet | undefined;
afterEach(async () => {
  await mocks?.agent.close();
});

describe('HTTP mocks', () => {
  it('answers a matching request with JSON and records what was sent', async () => {
    mocks = createHttpMocks([
      { method: 'POST', url: 'https://api.example.com/items', response: { status: 201, body: { id: 7 } } },
    ]);
    const res = await request('https://api.example.com/items?x=1', {
      method: 'POST',
      body: JSON.stringify({ name: 'Ana' }),
      headers: { 'content-type': 'application/json' },
      dispatcher: mocks.agent,
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toBe('application/json');
    expect(await res.body.json()).toEqual({ id: 7 });
    expect(mocks.sent).toEqual([
      {
        method: 'POST',
        url: 'https://api.example.com/items?x=1',
        headers: { 'content-type': 'application/json' },
        body: { name: 'Ana' },
      },
    ]);
  });

  it('matches an exact URL whose query has encoded characters and unsorted parameters', async () => {
    const url = 'https://www.upwork.com/nx/search/jobs/?q=chatbot%20development&page=1&per_page=50';
    mocks = createHttpMocks([{ url, response: { status: 503, body: 'down' } }]);
    const res = await request(url, { dispatcher: mocks.agent });
    expect(res.statusCode).toBe(503);
    await res.body.text();
  });

  it('matches a /regex/ against the whole URL', async () => {
    mocks = createHttpMocks([{ url: '/example\\.com\\/users\\/\\d+$/', response: { body: 'ok' } }]);
    const res = await request('https://example.com/users/42', { dispatcher: mocks.agent });
    expect(await res.body.text()).toBe('ok');
  });

  it('tries every stub, whatever stub before it accepted the origin', async () => {
    mocks = createHttpMocks([
      { url: '/^https:\\/\\/a\\.example\\.com\\//', response: { body: 'a' } },
      { url: '/^https:\\/\\/b\\.example\\.com\\//', response: { body: 'b' } },
      { url: 'https://c.example.com/x', response: { body: 'c' } },
    ]);
    const text = async (url: string) => (await request(url, { dispatcher: mocks?.agent })).body.text();
    expect(await text('https://b.example.com/1')).toBe('b');
    expect(await text('https://c.example.com/x')).toBe('c');
    expect(await text('https://a.example.com/2')).toBe('a');
  });

  it('refuses a request no mock matches instead of reaching the network', async () => {
    mocks = createHttpMocks([{ url: 'https://api.example.com/a', response: { body: 'a' } }]);
    await expect(request('https://api.example.com/b', { dispatcher: mocks.agent })).rejects.toThrow();
    await expect(request('https://elsewhere.example.org/', { dispatcher: mocks.agent })).rejects.toThrow();
  });

  it('turns a request no mock answers into a setup error with the entry to paste', async () => {
    mocks = createHttpMocks([{ url: 'https://api.example.com/a', response: { body: 'a' } }]);
    const error = await request('https://api.example.com/b?x=1', {
      method: 'POST',
      dispatcher: mocks.dispatcher,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).details).toMatchObject({
      code: 'unanswered-http',
      method: 'POST',
      url: 'https://api.example.com/b?x=1',
      http: { method: 'POST', url: 'https://api.example.com/b', response: { status: 200 } },
    });
    const answered = await request('https://api.example.com/a', { dispatcher: mocks.dispatcher });
    expect(await answered.body.text()).toBe('a');
  });

  it('stops answering after `times` requests', async () => {
    mocks = createHttpMocks([{ url: 'https://api.example.com/once', response: { body: 'x' }, times: 1 }]);
    await request('https://api.example.com/once', { dispatcher: mocks.agent }).then((r) => r.body.text());
    await expect(request('https://api.example.com/once', { dispatcher: mocks.agent })).rejects.toThrow();
  });
});
