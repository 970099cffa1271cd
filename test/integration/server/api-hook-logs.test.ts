/**
 * `GET /hooks/{id}/logs` and `/hooks/{id}/logs/{logId}`
 * (https://developers.make.com/api-documentation/api-reference/hooks): newest first, `from`/`to`
 * on `loggedAt` (epoch ms, inclusive), `pg[offset|limit|sortDir]`, 404s; logs older than 3 days
 * (Make's help: https://help.make.com/webhooks) are gone on the server's simulated clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());
const api = apiClient(() => server);

const START_MS = Date.parse('2026-03-02T10:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A server on a simulated clock with a queued-webhook scenario. */
function simulated() {
  const clock = new SimulatedClock(START_MS);
  server = testServer({ clock });
  const { udid, scenario } = addScenario(server, blueprints.queued());
  const post = async (n: number) => {
    const res = await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n } });
    expect(res.statusCode).toBe(200);
  };
  return { clock, hookId: scenario.hookId, post };
}

async function list(hookId: number | null, query = '') {
  server.services.commits.flush();
  const res = await api('GET', `/hooks/${hookId}/logs${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { hookLogs: Array<{ id: number; loggedAt: string }>; pg: Record<string, unknown> };
}

const rowCount = () =>
  (server.services.db.prepare('SELECT COUNT(*) AS n FROM hook_logs').get() as { n: number }).n;

describe('Make API v2: hook logs (https://developers.make.com/api-documentation/api-reference/hooks)', () => {
  it('lists newest first, filters on from/to (inclusive) and pages', async () => {
    const { clock, hookId, post } = simulated();
    for (let n = 0; n < 5; n++) {
      await post(n);
      await clock.sleep(MINUTE);
    }
    const at = (index: number) => new Date(START_MS + index * MINUTE).toISOString();
    const all = await list(hookId);
    expect(all.hookLogs.map((log) => log.loggedAt)).toEqual([at(4), at(3), at(2), at(1), at(0)]);
    expect(all.pg).toEqual({ sortBy: 'loggedAt', sortDir: 'desc', limit: 50, offset: 0 });
    const window = await list(hookId, `?from=${START_MS + MINUTE}&to=${START_MS + 3 * MINUTE}`);
    expect(window.hookLogs.map((log) => log.loggedAt)).toEqual([at(3), at(2), at(1)]);
    const page = await list(hookId, '?pg%5Blimit%5D=2&pg%5Boffset%5D=1');
    expect(page.hookLogs.map((log) => log.loggedAt)).toEqual([at(3), at(2)]);
    const oldest = await list(hookId, '?pg[sortDir]=asc&pg[limit]=1');
    expect(oldest.hookLogs.map((log) => log.loggedAt)).toEqual([at(0)]);
  });

  it('answers 404 for an unknown hook, an unknown log and a log of another hook', async () => {
    const { hookId, post } = simulated();
    const other = addScenario(server, blueprints.queued()).scenario.hookId;
    await post(1);
    const [log] = (await list(hookId)).hookLogs;
    expect((await api('GET', '/hooks/9999/logs')).statusCode).toBe(404);
    expect((await api('GET', `/hooks/${hookId}/logs/9999`)).statusCode).toBe(404);
    expect((await api('GET', `/hooks/${other}/logs/${log?.id}`)).statusCode).toBe(404);
    expect((await api('GET', `/hooks/${hookId}/logs/${log?.id}`)).statusCode).toBe(200);
  });

  it('drops logs older than 3 days on the server clock, and purges their rows', async () => {
    const { clock, hookId, post } = simulated();
    await post(1);
    const [log] = (await list(hookId)).hookLogs;
    await clock.sleep(3 * DAY - MINUTE);
    expect((await list(hookId)).hookLogs).toHaveLength(1);
    await clock.sleep(2 * MINUTE);
    expect((await list(hookId)).hookLogs).toHaveLength(0);
    expect((await api('GET', `/hooks/${hookId}/logs/${log?.id}`)).statusCode).toBe(404);
    // The next write past the once-a-minute mark deletes the expired row.
    expect(rowCount()).toBe(1);
    await post(2);
    server.services.commits.flush();
    expect(rowCount()).toBe(1);
    expect((await list(hookId)).hookLogs.map((item) => item.id)).not.toContain(log?.id);
  });

  it('purges at most once a minute of server time, not on every write', async () => {
    const { clock, hookId, post } = simulated();
    await post(1);
    server.services.commits.flush();
    // Made expired by hand: 30 s after the last purge, the next write does not purge.
    server.services.db.prepare('UPDATE hook_logs SET logged = ?').run(START_MS - 4 * DAY);
    await clock.sleep(30_000);
    await post(2);
    server.services.commits.flush();
    expect(rowCount()).toBe(2);
    expect((await list(hookId)).hookLogs).toHaveLength(1);
    await clock.sleep(31_000);
    await post(3);
    server.services.commits.flush();
    expect(rowCount()).toBe(2);
  });
});
