/**
 * Queue rows stored before the gateway refused deep JSON (issue 15 §2) must not break the queue's
 * API: the listing and the single item answer 200, the deep row's `data` null.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, auth, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const nested = (depth: number) => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;

function enqueueDeep(hookId: number, depth: number): void {
  server.services.queue.enqueue({
    hookId,
    scenarioId: null,
    request: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      query: {},
      body: nested(depth),
      contentType: 'application/json',
    },
    limit: 100,
    now: new Date('2026-01-01T00:00:00Z'),
  });
}

describe('GET /hooks/{id}/incomings with rows deeper than the gateway allows', () => {
  it('answers 200 for the list and the item', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const hookId = scenario.hookId as number;
    enqueueDeep(hookId, 100_000);
    const list = await server.app.inject({
      method: 'GET',
      url: `/api/v2/hooks/${hookId}/incomings`,
      headers: auth,
    });
    expect(list.statusCode).toBe(200);
    const [item] = list.json().incomings;
    expect(item).toMatchObject({ scope: 'hook', data: null });
    const one = await server.app.inject({
      method: 'GET',
      url: `/api/v2/hooks/${hookId}/incomings/${item.id}`,
      headers: auth,
    });
    expect([one.statusCode, one.json().incoming.data]).toEqual([200, null]);
  });
});
