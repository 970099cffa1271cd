/**
 * Hooks attached to no scenario for more than 120 hours are gone (Make's help: https://help.make.com/webhooks
 * "auto-deactivated", 410 Gone; https://help.make.com/webhooks ping `gone`), on the server's simulated clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { ServerApp } from '../../../server/app.ts';
import { createScenario, deleteScenario } from '../../../server/project/admin.ts';
import { openDatabase } from '../../../server/queue/db.ts';
import { HookGoneError, HookStore } from '../../../server/store/hooks.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);
const HOUR = 3600_000;
const NO_SCENARIO = 'There is no scenario listening for this webhook.';

function simulatedServer(): SimulatedClock {
  const clock = new SimulatedClock('2026-03-02T00:00:00Z');
  server = testServer({ clock });
  return clock;
}

const post = async (udid: string) => {
  const res = await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n: 1 } });
  return [res.statusCode, res.body];
};
const ping = async (hookId: number | null) => (await api('GET', `/hooks/${hookId}/ping`)).json();

describe('hooks unattached for more than 120 hours (https://help.make.com/webhooks)', () => {
  it('answers 410 Webhook is gone. once a hook made without a scenario is over 120 h old', async () => {
    const clock = simulatedServer();
    const hook = server.services.hooks.create({ name: 'loose', scenarioId: null, now: clock.now() });
    await clock.sleep(119 * HOUR);
    expect(await post(hook.udid)).toEqual([410, NO_SCENARIO]);
    expect((await ping(hook.id)).gone).toBe(false);
    await clock.sleep(2 * HOUR);
    expect(await post(hook.udid)).toEqual([410, 'Webhook is gone.']);
    // A preflight is answered before the admission checks, as for a disabled hook.
    const preflight = await server.app.inject({ method: 'OPTIONS', url: `/${hook.udid}` });
    expect([preflight.statusCode, preflight.body]).toEqual([200, 'ok']);
    expect(await ping(hook.id)).toMatchObject({ attached: false, learning: false, gone: true });
    expect((await api('GET', `/hooks/${hook.id}`)).json().hook.gone).toBe(true);
  });

  it('applies the same rule to a hook still in learning mode', async () => {
    const clock = simulatedServer();
    const created = await api('POST', '/hooks?useDefaults=requiredOnly', {
      name: 'Learner',
      teamId: 1,
      typeName: 'gateway-webhook',
    });
    const { hook } = created.json();
    await clock.sleep(121 * HOUR);
    expect(await post(hook.udid)).toEqual([410, 'Webhook is gone.']);
    // The refused request taught it nothing: it is still learning, and gone.
    expect(await ping(hook.id)).toMatchObject({ attached: false, learning: true, gone: true });
  });

  it('counts from the moment the scenario lets go of the hook, not from its creation', async () => {
    const clock = simulatedServer();
    const { scenario, udid } = addScenario(server, blueprints.queued(), { isActive: false });
    await clock.sleep(100 * HOUR);
    deleteScenario(server.services, scenario.id);
    await clock.sleep(100 * HOUR);
    expect(await post(udid)).toEqual([410, NO_SCENARIO]);
    expect((await ping(scenario.hookId)).gone).toBe(false);
    await clock.sleep(21 * HOUR);
    expect(await post(udid)).toEqual([410, 'Webhook is gone.']);
    expect((await ping(scenario.hookId)).gone).toBe(true);
  });

  it('never expires a hook while a scenario has it', async () => {
    const clock = simulatedServer();
    const { scenario, udid } = addScenario(server, blueprints.queued(), { isActive: false });
    await clock.sleep(30 * 24 * HOUR);
    expect(await post(udid)).toEqual([200, 'Accepted']);
    expect((await ping(scenario.hookId)).gone).toBe(false);
  });

  it('restarts the count when a served blueprint takes its hook back within 120 h', async () => {
    const clock = simulatedServer();
    const udid = 'abcdefghijklmnopqrstuvwxyz012345';
    const first = addScenario(server, blueprints.queued(), { isActive: false, udid });
    deleteScenario(server.services, first.scenario.id);
    await clock.sleep(100 * HOUR);
    const second = addScenario(server, blueprints.queued(), { isActive: false, udid });
    expect(second.scenario.hookId).toBe(first.scenario.hookId);
    await clock.sleep(200 * HOUR);
    expect(await post(udid)).toEqual([200, 'Accepted']);
    expect(server.services.hooks.get(second.scenario.hookId ?? 0)?.unattachedSince).toBeNull();
  });
});

describe('a gone hook stays gone', () => {
  it('refuses to attach a gone hook to a scenario, with an error the API answers as 400', async () => {
    const clock = simulatedServer();
    const hook = server.services.hooks.create({ name: 'loose', scenarioId: null, now: clock.now() });
    const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    await clock.sleep(121 * HOUR);
    const attach = () => server.services.hooks.setScenario(hook.id, scenario.id, clock.now());
    expect(attach).toThrow(HookGoneError);
    expect(attach).toThrow(expect.objectContaining({ statusCode: 400 }));
    expect(server.services.hooks.get(hook.id)?.scenarioId).toBeNull();
  });

  it('gives a served blueprint whose udid belongs to a gone hook a new hook at that udid', async () => {
    const clock = simulatedServer();
    const udid = 'abcdefghijklmnopqrstuvwxyz012345';
    const gone = server.services.hooks.create({ udid, name: 'old', scenarioId: null, now: clock.now() });
    await clock.sleep(121 * HOUR);
    const scenario = createScenario(server.services, {
      source: null,
      blueprint: blueprints.queued(),
      isActive: false,
      udid,
    });
    // SQLite may hand the freed id out again: the hook is new by its creation time and name.
    const hook = server.services.hooks.byUdid(udid);
    expect(hook).toMatchObject({ id: scenario.hookId, created: clock.now().toISOString() });
    expect(hook?.name).not.toBe(gone.name);
    expect(server.services.hooks.list()).toHaveLength(1);
    expect(await post(udid)).toEqual([200, 'Accepted']);
    expect((await ping(scenario.hookId)).gone).toBe(false);
  });
});

describe('the unattached_since column in a database made before it existed', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('adds the column at open and keeps the stored hooks', () => {
    dir = mkdtempSync(join(tmpdir(), 'makesim-hooks-'));
    const file = join(dir, 'old.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE hooks (id INTEGER PRIMARY KEY, udid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
      scenario_id INTEGER, enabled INTEGER NOT NULL DEFAULT 1, learning INTEGER NOT NULL DEFAULT 0,
      data TEXT NOT NULL DEFAULT '{}', created TEXT NOT NULL)`);
    old.prepare('INSERT INTO hooks (udid, name, created) VALUES (?, ?, ?)').run('u'.repeat(32), 'Old', 'x');
    old.close();
    const db = openDatabase(file);
    const hooks = new HookStore(db);
    expect(hooks.list()).toMatchObject([{ name: 'Old', scenarioId: null, unattachedSince: null }]);
    const now = new Date('2026-03-02T00:00:00Z');
    const made = hooks.create({ name: 'New', scenarioId: null, now });
    expect(made.unattachedSince).toBe(now.toISOString());
    db.close();
    // Opening again finds the column there and leaves it alone.
    const again = openDatabase(file);
    expect(new HookStore(again).list()).toHaveLength(2);
    again.close();
  });
});

describe('what a gone hook can no longer be', () => {
  it('answers a gone mailhook 410 Webhook is gone. on the mail gateway too', async () => {
    const clock = simulatedServer();
    const hook = server.services.hooks.create({
      name: 'mail',
      typeName: 'gateway-mailhook',
      scenarioId: null,
      now: clock.now(),
    });
    await clock.sleep(121 * HOUR);
    const res = await server.app.inject({
      method: 'POST',
      url: `/mailhook/${hook.udid}`,
      headers: { 'content-type': 'message/rfc822' },
      payload: 'From: a@example.test\r\nSubject: hi\r\n\r\nbody',
    });
    expect([res.statusCode, res.body]).toEqual([410, 'Webhook is gone.']);
  });

  it('is not offered to a scenario (viewForScenarioId) and cannot be mapped into a clone', async () => {
    const clock = simulatedServer();
    const { scenario } = addScenario(server, blueprints.queued());
    const fresh = server.services.hooks.create({ name: 'fresh', scenarioId: null, now: clock.now() });
    const old = server.services.hooks.create({ name: 'old', scenarioId: null, now: new Date(0) });
    const offered = (await api('GET', `/hooks?teamId=1&viewForScenarioId=${scenario.id}`)).json().hooks;
    expect(offered.map((hook: { id: number }) => hook.id).sort()).toEqual([scenario.hookId, fresh.id].sort());
    const clone = await api('POST', `/scenarios/${scenario.id}/clone`, {
      name: 'Copy',
      teamId: 1,
      hook: { [String(scenario.hookId)]: old.id },
    });
    expect(clone.statusCode).toBe(400);
    expect(JSON.stringify(clone.json())).toContain(`hook ${old.id} is gone`);
    expect(server.services.hooks.get(old.id)).toBeDefined();
  });
});
