import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, breakBlueprint, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);
const MINUTE = 60_000;

/** A Break incomplete execution of `breakBlueprint` (Parse JSON of `{{1.doc}}` fails on `broken`). */
async function incomplete(clock?: SimulatedClock) {
  server = testServer(clock ? { clock } : {});
  const { udid, scenario } = addScenario(server, breakBlueprint());
  await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { doc: 'broken' } });
  await server.services.runner.idle();
  const { dlqs } = (await api('GET', `/dlqs?scenarioId=${scenario.id}`)).json();
  return { scenario, id: dlqs[0].id as string };
}

/** The blueprint with Parse JSON reading a fixed, valid document instead of the webhook's `doc`. */
function fixedBlueprint() {
  const bp = breakBlueprint();
  bp.flow[1] = { ...bp.flow[1], mapper: { json: '{"fixed":true}' } };
  return bp;
}

const flowOf = (blueprint: { flow: Array<{ mapper?: { json?: string } }> }) =>
  blueprint.flow.map((node) => node.mapper?.json);

describe('Make API v2: incomplete execution contents (https://developers.make.com/api-documentation/api-reference/incomplete-executions)', () => {
  it("answers the bundle as {code, response} keyed by module id, holding the trigger's output", async () => {
    const { id } = await incomplete();
    const body = (await api('GET', `/dlqs/${id}/bundle`)).json();
    expect(body.code).toBe('OK');
    expect(JSON.stringify(body.response['1'])).toContain('broken');
  });

  it("answers the scenario's blueprint until the item's blueprint is edited", async () => {
    const { id } = await incomplete();
    const before = (await api('GET', `/dlqs/${id}/blueprint`)).json();
    expect(before.code).toBe('OK');
    expect(flowOf(before.response.blueprint)).toEqual([undefined, '{{1.doc}}']);
    const patched = await api('PATCH', `/dlqs/${id}`, { blueprint: JSON.stringify(fixedBlueprint()) });
    expect(patched.statusCode).toBe(200);
    // The failed module is Parse JSON (id 2) unless `failer` says otherwise.
    expect(patched.json().dlq.failer).toBe(2);
    expect(flowOf(patched.json().dlq.blueprint)).toEqual([undefined, '{"fixed":true}']);
    expect(flowOf((await api('GET', `/dlqs/${id}/blueprint`)).json().response.blueprint)).toEqual([
      undefined,
      '{"fixed":true}',
    ]);
  });

  it("retries with the edited blueprint, leaving the scenario's own blueprint as it was", async () => {
    const { id, scenario } = await incomplete();
    await api('PATCH', `/dlqs/${id}`, { blueprint: JSON.stringify(fixedBlueprint()), failer: 2 });
    expect((await api('POST', `/dlqs/${id}/retry`)).statusCode).toBe(200);
    expect((await api('GET', `/dlqs/${id}`)).json().dlq).toMatchObject({ resolved: true, attempts: 1 });
    const own = (await api('GET', `/scenarios/${scenario.id}/blueprint`)).json().response.blueprint;
    expect(flowOf(own)).toEqual([undefined, '{{1.doc}}']);
  });

  it('runs the edited blueprint on the automatic retry too, and lists that run in the logs', async () => {
    const clock = new SimulatedClock('2026-01-05T00:00:00Z');
    const { id } = await incomplete(clock);
    await api('PATCH', `/dlqs/${id}`, { blueprint: JSON.stringify(fixedBlueprint()) });
    // breakBlueprint retries every 15 min (Make's help:
    // https://help.make.com/quick-error-handling-reference).
    await server.services.scheduler.advance(15 * MINUTE);
    expect((await api('GET', `/dlqs/${id}`)).json().dlq).toMatchObject({ resolved: true, attempts: 1 });
    const { dlqLogs } = (await api('GET', `/dlqs/${id}/logs`)).json();
    expect(dlqLogs).toHaveLength(1);
    expect(dlqLogs[0].status).toBe(1);
  });

  it('lists each retry run in the logs with a dlq imtId, and gets one', async () => {
    const { id, scenario } = await incomplete();
    await api('POST', `/dlqs/${id}/retry`);
    const body = (await api('GET', `/dlqs/${id}/logs`)).json();
    const retried = (await api('GET', `/scenarios/${scenario.id}/logs`)).json().scenarioLogs[0];
    expect(body.dlqLogs.map((log: { id: string }) => log.id)).toEqual([retried.id]);
    expect(body.dlqLogs[0].imtId).toMatch(new RegExp(`^\\d+_dlq\\.${id}\\.manual\\.${retried.id}$`));
    expect(body.pg).toMatchObject({ limit: 50, offset: 0 });
    const one = (await api('GET', `/dlqs/${id}/logs/${retried.id}`)).json();
    expect(one.dlqLog.id).toBe(retried.id);
    // Make's TypeScript SDK reads dlq logs under `scenarioLogs`.
    expect(one.scenarioLogs).toEqual(one.dlqLog);
    expect(body.scenarioLogs).toEqual(body.dlqLogs);
    const unknown = await api('GET', `/dlqs/${id}/logs/${'0'.repeat(32)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('SC404');
  });
});

describe('Make API v2: incomplete execution bad input (https://developers.make.com/api-documentation)', () => {
  it.each([
    ['a body that is not an object', [1]],
    ['neither blueprint nor failer', {}],
    ['a blueprint that is not a JSON string', { blueprint: { flow: [] } }],
    ['a blueprint that does not load', { blueprint: JSON.stringify({ flow: 'nope' }) }],
    ['a failer that is not a module of the blueprint', { failer: 9 }],
    ['a failer that is not an integer', { failer: '2' }],
  ])('answers 400 to a PATCH with %s and changes nothing', async (_what, payload) => {
    const { id } = await incomplete();
    const response = await api('PATCH', `/dlqs/${id}`, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ message: 'Bad Request', code: 'SC400' });
    expect(response.json().detail).toEqual(expect.any(String));
    const blueprint = (await api('GET', `/dlqs/${id}/blueprint`)).json().response.blueprint;
    expect(flowOf(blueprint)).toEqual([undefined, '{{1.doc}}']);
  });

  it.each([
    ['GET', '/bundle'],
    ['GET', '/blueprint'],
    ['GET', '/logs'],
    ['PATCH', ''],
  ] as const)('answers %s %s of an unknown id with the 404 body', async (method, suffix) => {
    server = testServer();
    const response = await api(
      method,
      `/dlqs/${'a'.repeat(32)}${suffix}`,
      method === 'PATCH' ? { failer: 1 } : undefined,
    );
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ message: 'Not Found', code: 'SC404' });
  });
});

describe('Make API v2: deleting incomplete executions (https://developers.make.com/api-documentation/api-reference/incomplete-executions)', () => {
  it('asks for confirmed=true (406 IM004) and keeps the item until it is given', async () => {
    const { id, scenario } = await incomplete();
    const refused = await api('DELETE', `/dlqs?scenarioId=${scenario.id}`, { ids: [id] });
    expect(refused.statusCode).toBe(406);
    expect(refused.json().code).toBe('IM004');
    expect((await api('GET', `/dlqs/${id}`)).statusCode).toBe(200);
    const deleted = await api('DELETE', `/dlqs?scenarioId=${scenario.id}&confirmed=true`, { ids: [id] });
    expect(deleted.json()).toEqual({ dlqs: [id] });
    expect((await api('GET', `/dlqs/${id}`)).statusCode).toBe(404);
    expect((await api('GET', `/scenarios/${scenario.id}`)).json().scenario.dlqCount).toBe(0);
  });

  it('deletes all of a scenario with all: true, except the ones in exceptIds', async () => {
    const { id, scenario } = await incomplete();
    const udid = server.services.hooks.get(scenario.hookId ?? 0)?.udid;
    await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { doc: 'also broken' } });
    await server.services.runner.idle();
    const body = { all: true, exceptIds: [id] };
    const deleted = (await api('DELETE', `/dlqs?scenarioId=${scenario.id}&confirmed=true`, body)).json();
    expect(deleted.dlqs).toHaveLength(1);
    expect(deleted.dlqs).not.toContain(id);
    const left = (await api('GET', `/dlqs?scenarioId=${scenario.id}`)).json().dlqs;
    expect(left.map((item: { id: string }) => item.id)).toEqual([id]);
  });

  it('answers 404 for an unknown id and deletes none of the others', async () => {
    const { id } = await incomplete();
    const response = await api('DELETE', '/dlqs?confirmed=true', { ids: [id, 'f'.repeat(32)] });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('SC404');
    expect((await api('GET', `/dlqs/${id}`)).statusCode).toBe(200);
  });

  it.each([
    ['no ids and no all', {}],
    ['ids that are not strings', { ids: [1] }],
    ['exceptIds that are not an array', { all: true, exceptIds: 'x' }],
  ])('answers 400 to %s', async (_what, payload) => {
    const { id } = await incomplete();
    const response = await api('DELETE', '/dlqs?confirmed=true', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('SC400');
    expect((await api('GET', `/dlqs/${id}`)).statusCode).toBe(200);
  });
});
