/** One request cannot take the server down (issue 15 §2): each attack input, answered or refused. */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../../modules/gateway/request-to-bundle.ts';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, auth, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('attack inputs at the webhook gateway', () => {
  it('parses a form body of 100,000 repeated pairs into one array (linear, not quadratic)', {
    timeout: 60_000,
  }, async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued());
    const res = await server.app.inject({
      method: 'POST',
      url: `/${udid}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1&'.repeat(100_000),
    });
    expect([res.statusCode, res.body]).toEqual([200, 'Accepted']);
    await server.services.runner.idle();
    const [run] = server.services.executions.list({
      scenarioId: scenario.id,
      offset: 0,
      limit: 1,
      sortDir: 'asc',
    });
    const bundle = run?.record.modules[0]?.outputs[0] as { a: unknown[] } | undefined;
    expect(bundle?.a).toHaveLength(100_000);
  });

  it('refuses JSON nested deeper than MAX_JSON_DEPTH with Make’s 400 and queues nothing', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.queued());
    const res = await server.app.inject({
      method: 'POST',
      url: `/${udid}`,
      headers: { 'content-type': 'application/json' },
      payload: nested(100_000),
    });
    expect([res.statusCode, res.body]).toEqual([400, 'Bad Request.']);
    const incomings = await server.app.inject({
      method: 'GET',
      url: '/api/v2/hooks/1/incomings',
      headers: auth,
    });
    expect(incomings.statusCode).toBe(200);
    expect(incomings.json()).toMatchObject({ incomings: [] });
  });

  it('accepts JSON nested exactly MAX_JSON_DEPTH deep, and brackets inside strings do not count', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.queued());
    const inString = JSON.stringify({ s: '['.repeat(MAX_JSON_DEPTH + 5) });
    for (const payload of [`{"a":${nested(MAX_JSON_DEPTH - 1)}}`, inString]) {
      const res = await server.app.inject({
        method: 'POST',
        url: `/${udid}`,
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect([res.statusCode, res.body]).toEqual([200, 'Accepted']);
    }
  });

  it('lets a fetch() client uploading 6 MB read the 413 instead of failing with EPIPE', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.queued());
    const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${url}/${udid}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(6 * 1024 * 1024),
    });
    expect([res.status, await res.text()]).toEqual([413, 'Payload too large.']);
  });
});
