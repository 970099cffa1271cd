import { describe, expect, it } from 'vitest';
import customWebhook, { isRequestDescription } from '../../../../modules/gateway/custom-webhook.ts';
import { WebhookIntake } from '../../../../modules/gateway/webhook-intake.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';

async function trigger(input: unknown, raw: Record<string, unknown> = {}) {
  const call = fakeCall('gateway:CustomWebHook', {}, { hook: 1, maxResults: 1 }, raw);
  return customWebhook.run?.(call, fakeContext({ triggerInput: input }));
}

describe('gateway:CustomWebHook', () => {
  it('converts a request description into the bundle', async () => {
    const out = await trigger({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
      query: 'b=2',
    });
    expect(out).toEqual([{ a: 1, b: '2' }]);
  });

  it('takes the bundle of a gateway intake as it is, even when it looks like a request description', async () => {
    const bundle = { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } };
    const intake = new WebhookIntake({ method: 'POST', headers: {}, body: JSON.stringify(bundle) }, bundle);
    expect(await trigger(intake)).toEqual([bundle]);
  });

  it('writes a gateway intake out as its request (an incomplete execution keeps it)', () => {
    const request = { method: 'POST', headers: {}, body: 'a=1' };
    expect(JSON.parse(JSON.stringify(new WebhookIntake(request, { a: '1' })))).toEqual(request);
  });

  it('takes the query from url when no query is given', async () => {
    expect(await trigger({ method: 'GET', headers: {}, url: '/hook?x=1' })).toEqual([{ x: '1' }]);
  });

  it('uses the object itself as the bundle when it is not a request description', async () => {
    expect(await trigger({ name: 'Ann', method: 'email' })).toEqual([{ name: 'Ann', method: 'email' }]);
  });

  it('adds headers and method when the learned interface has them', async () => {
    const raw = { metadata: { interface: [{ name: '__IMTHEADERS__' }, { name: '__IMTMETHOD__' }] } };
    const out = await trigger({ method: 'PUT', headers: { 'x-k': 'v' } }, raw);
    expect(out).toEqual([{ __IMTHEADERS__: [{ name: 'x-k', value: 'v' }], __IMTMETHOD__: 'PUT' }]);
  });

  it('lets an explicit hook option win over the interface', async () => {
    const out = await trigger({ method: 'GET', headers: {}, hook: { method: true } });
    expect(out).toEqual([{ __IMTMETHOD__: 'GET' }]);
  });

  it('outputs nothing without trigger input', async () => {
    expect(await trigger(undefined)).toEqual([]);
  });

  it.each([
    [{ method: 'POST', body: '' }, true],
    [{ method: 'get', headers: {} }, true],
    [{ method: 'POST' }, false],
    [{ method: 'email', headers: {} }, false],
    [{ method: 'POST', headers: {}, extra: 1 }, false],
    [['x'], false],
  ])('detects %j as a request description: %s', (input, expected) => {
    expect(isRequestDescription(input)).toBe(expected);
  });
});
