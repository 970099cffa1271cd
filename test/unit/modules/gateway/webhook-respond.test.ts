import { describe, expect, it } from 'vitest';
import { MakeError } from '../../../../engine/errors/make-error.ts';
import webhookRespond from '../../../../modules/gateway/webhook-respond.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';

async function respond(input: Record<string, unknown>) {
  const ctx = fakeContext();
  const out = await webhookRespond.run?.(fakeCall('gateway:WebhookRespond', input), ctx);
  return { out, responses: ctx.responses };
}

async function failure(input: Record<string, unknown>): Promise<MakeError> {
  const error = await respond(input).catch((e: unknown) => e);
  if (error instanceof MakeError) return error;
  throw new Error('expected a MakeError');
}

describe('gateway:WebhookRespond', () => {
  it('records status (mapped as text), body and headers', async () => {
    const { out, responses } = await respond({
      status: '201',
      body: '{"ok":true}',
      headers: [{ key: 'Content-Type', value: 'application/json' }],
    });
    expect(responses).toEqual([
      { status: 201, body: '{"ok":true}', headers: { 'Content-Type': 'application/json' } },
    ]);
    expect(out).toEqual([{}]);
  });

  it('accepts a numeric status and no headers', async () => {
    const { responses } = await respond({ status: 200, body: 'hi' });
    expect(responses[0]).toEqual({ status: 200, body: 'hi', headers: {} });
  });

  it.each(['99', 'abc', '', '200.5'])('rejects status %j with BundleValidationError', async (status) => {
    expect((await failure({ status })).type).toBe('BundleValidationError');
  });

  it('rejects more than 16 headers', async () => {
    const headers = Array.from({ length: 17 }, (_, i) => ({ key: `x-${i}`, value: 'v' }));
    expect((await failure({ status: '200', headers })).type).toBe('BundleValidationError');
  });

  it('accepts exactly 16 headers', async () => {
    const headers = Array.from({ length: 16 }, (_, i) => ({ key: `x-${i}`, value: 'v' }));
    const { responses } = await respond({ status: '200', headers });
    expect(Object.keys(responses[0]?.headers ?? {})).toHaveLength(16);
  });

  it('rejects a header value over 4096 characters', async () => {
    expect((await failure({ status: '200', headers: [{ key: 'x', value: 'v'.repeat(4097) }] })).type).toBe(
      'BundleValidationError',
    );
  });
});
