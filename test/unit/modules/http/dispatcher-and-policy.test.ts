import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import type { MakeError } from '../../../../engine/errors/make-error.ts';
import { SetupError } from '../../../../engine/errors/setup-error.ts';
import sendData from '../../../../modules/http/action-send-data.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';
import { useTestServer } from './test-server.ts';

const server = useTestServer();

function mockAgent(): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get('https://api.example.com')
    .intercept({ path: '/v1/items?page=2', method: 'GET' })
    .reply(
      200,
      { items: [1] },
      {
        headers: { 'content-type': 'application/json' },
      },
    );
  return agent;
}

describe('http:ActionSendData with the port’s dispatcher and network policy', () => {
  it('sends through ctx.http.dispatcher to a host the allow list permits', async () => {
    const call = fakeCall('http:ActionSendData', {
      url: 'https://api.example.com/v1/items',
      method: 'get',
      qs: [{ name: 'page', value: '2' }],
      parseResponse: true,
    });
    const ctx = fakeContext({ http: { dispatcher: mockAgent(), allowNet: ['api.example.com'] } });
    const out = (await sendData.run?.(call, ctx)) ?? [];
    expect(out[0]?.data).toEqual({ items: [1] });
  });

  it('refuses the same host when it is not on the allow list', async () => {
    const call = fakeCall('http:ActionSendData', { url: 'https://api.example.com/v1/items', method: 'get' });
    const ctx = fakeContext({ http: { dispatcher: mockAgent(), allowNet: ['other.example.com'] } });
    const error = await Promise.resolve(sendData.run?.(call, ctx)).catch((e: unknown) => e);
    expect((error as MakeError).details?.code).toBe('network-blocked');
  });

  it('checks the network policy again on every redirect', async () => {
    const call = fakeCall('http:ActionSendData', { url: `${server.url}/redirect-out`, method: 'get' });
    const error = await Promise.resolve(sendData.run?.(call, fakeContext())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).details).toMatchObject({
      code: 'network-blocked',
      host: 'tracker.example.net',
    });
  });
});
