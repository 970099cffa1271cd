import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { failedRecord } from '../../../server/runner/failed-record.ts';
import { newExecutionId } from '../../../server/runner/run-request.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);

const idsOf = (res: { json: () => { scenarios: Array<{ id: number }> } }) =>
  res.json().scenarios.map((scenario) => scenario.id);

describe('GET /scenarios filters (https://developers.make.com/api-documentation/api-reference/scenarios)', () => {
  const threeScenarios = () => {
    server = testServer();
    return [1, 2, 3].map(
      (n) =>
        addScenario(server, { ...blueprints.scheduled(), name: `S${n}` }, { isActive: n !== 2 }).scenario.id,
    );
  };

  it('keeps only the scenarios named by id[], encoded or raw', async () => {
    const [a, , c] = threeScenarios();

    const encoded = await api('GET', `/scenarios?teamId=1&id%5B%5D=${a}&id%5B%5D=${c}`);
    const raw = await api('GET', `/scenarios?teamId=1&id[]=${c}`);

    expect(idsOf(encoded).sort()).toEqual([a, c].sort());
    expect(idsOf(raw)).toEqual([c]);
  });

  it('reads indexed id[n] keys too and combines id[] with isActive', async () => {
    const [a, b, c] = threeScenarios();

    const res = await api('GET', `/scenarios?teamId=1&id[0]=${a}&id[1]=${b}&isActive=true`);

    expect(idsOf(res)).toEqual([a]);
    expect(idsOf(res)).not.toContain(c);
  });

  it('refuses an id[] that is not an integer', async () => {
    threeScenarios();
    const res = await api('GET', '/scenarios?teamId=1&id[]=abc');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SC400');
  });

  it('lists every scenario as type scenario and none as a tool; another type is a 400', async () => {
    const ids = threeScenarios();

    expect(idsOf(await api('GET', '/scenarios?teamId=1&type=scenario')).sort()).toEqual(ids.sort());
    expect(idsOf(await api('GET', '/scenarios?teamId=1&type=tool'))).toEqual([]);
    const bad = await api('GET', '/scenarios?teamId=1&type=robot');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('SC400');
  });

  it('gives each scenario only the cols[] asked for, always with its id', async () => {
    const [a] = threeScenarios();

    const res = await api('GET', `/scenarios?teamId=1&id[]=${a}&cols%5B%5D=name&cols[]=isActive&cols[]=nope`);

    expect(res.json().scenarios).toEqual([{ id: a, name: 'S1', isActive: true }]);
    // GET /scenarios/{id} takes cols[] too
    // (https://developers.make.com/api-documentation/api-reference/scenarios).
    const one = await api('GET', `/scenarios/${a}?cols[]=name`);
    expect(one.json().scenario).toEqual({ id: a, name: 'S1' });
    expect(Object.keys((await api('GET', `/scenarios/${a}`)).json().scenario).length).toBeGreaterThan(5);
  });

  it('ignores folderId and concept', async () => {
    const ids = threeScenarios();
    const res = await api('GET', '/scenarios?teamId=1&folderId=7&concept=true');
    expect(idsOf(res).sort()).toEqual(ids.sort());
  });
});

const T0 = Date.parse('2025-03-01T00:00:00.000Z');
const MINUTE = 60_000;

/** Stores one execution per minute from T0 (status 1 on even minutes, 3 on odd), oldest first. */
function historyOf(scenarioId: number, minutes: number): string[] {
  return Array.from({ length: minutes }, (_, minute) => {
    const now = new Date(T0 + minute * MINUTE);
    const record = failedRecord({
      executionId: newExecutionId(now.getTime()),
      scenario: 'S',
      error: 'x',
      now,
    });
    const stored = minute % 2 === 0 ? { ...record, status: 'success' as const, error: null } : record;
    server.services.executions.add({
      scenarioId,
      queueItem: null,
      type: 'manual',
      instant: false,
      record: stored,
    });
    return stored.id;
  });
}

const logIds = async (query: string): Promise<string[]> => {
  const res = await api('GET', query);
  expect(res.statusCode).toBe(200);
  return res.json().scenarioLogs.map((log: { id: string }) => log.id);
};

describe('GET /scenarios/{id}/logs from/to (https://developers.make.com/api-documentation/api-reference/scenarios/logs)', () => {
  const setUp = (minutes = 40) => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.scheduled(), { scheduling: { type: 'on-demand' } });
    const other = addScenario(server, { ...blueprints.scheduled(), name: 'Other' }, { isActive: false });
    historyOf(other.scenario.id, minutes);
    return { id: scenario.id, history: historyOf(scenario.id, minutes) };
  };
  const at = (minute: number) => T0 + minute * MINUTE;

  it('keeps the runs started from `from` to `to`, both included, newest first', async () => {
    const { id, history } = setUp();

    const ids = await logIds(`/scenarios/${id}/logs?from=${at(10)}&to=${at(14)}`);

    expect(ids).toEqual(history.slice(10, 15).reverse());
  });

  it('pages within the window in both directions', async () => {
    const { id, history } = setUp();
    const window = `from=${at(5)}&to=${at(29)}`;

    const newest = await logIds(`/scenarios/${id}/logs?${window}&pg[limit]=4&pg[offset]=3`);
    const oldest = await logIds(
      `/scenarios/${id}/logs?${window}&pg%5Blimit%5D=4&pg%5Boffset%5D=3&pg[sortDir]=asc`,
    );
    const lastPage = await logIds(`/scenarios/${id}/logs?${window}&pg[limit]=10&pg[offset]=20`);

    expect(newest).toEqual(history.slice(23, 27).reverse());
    expect(oldest).toEqual(history.slice(8, 12));
    expect(lastPage).toEqual(history.slice(5, 10).reverse());
  });

  it('takes either bound alone and combines them with status', async () => {
    const { id, history } = setUp();

    expect(await logIds(`/scenarios/${id}/logs?from=${at(37)}`)).toEqual(history.slice(37).reverse());
    expect(await logIds(`/scenarios/${id}/logs?to=${at(2)}&pg[sortDir]=asc`)).toEqual(history.slice(0, 3));
    const errors = await logIds(`/scenarios/${id}/logs?status=3&from=${at(20)}&to=${at(25)}`);
    expect(errors).toEqual([history[25], history[23], history[21]]);
  });

  it('finds nothing for a window with no runs, and everything for a window around all of them', async () => {
    const { id, history } = setUp(12);

    expect(await logIds(`/scenarios/${id}/logs?from=${at(3) + 1}&to=${at(4) - 1}`)).toEqual([]);
    expect(await logIds(`/scenarios/${id}/logs?from=${at(50)}`)).toEqual([]);
    expect(await logIds(`/scenarios/${id}/logs?from=0&to=${at(99)}`)).toEqual([...history].reverse());
    // A bound past the years ISO 8601 writes with four digits still compares as a time.
    const widest = `from=0&to=${Number.MAX_SAFE_INTEGER}`;
    expect(await logIds(`/scenarios/${id}/logs?${widest}`)).toEqual([...history].reverse());
  });

  it('refuses a bound that is not epoch milliseconds', async () => {
    const { id } = setUp(2);
    const res = await api('GET', `/scenarios/${id}/logs?from=2025-03-01`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SC400');
  });
});
