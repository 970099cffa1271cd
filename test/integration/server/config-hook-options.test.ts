/**
 * Hook options from makesim.config.json (`scenarios.<id>.hook`, Make's help: https://help.make.com/webhooks):
 * a served project's webhook checks the configured API key and data structure and adds `__IMTMETHOD__`;
 * the config wins at every reload, and options it leaves out keep their stored value.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/load-config.ts';
import type { HookOptionsConfig } from '../../../config/types.ts';
import type { ServerApp } from '../../../server/app.ts';
import { loadDirectory } from '../../../server/project/load-dir.ts';
import type { StoredHook } from '../../../server/store/hooks.ts';
import { blueprints, testServer } from './fixtures.ts';

let server: ServerApp | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const SCENARIO_ID = 4300;
const spec = [{ name: 'email', type: 'text', required: true }];
/** `Archive` has a fixed id; `Lead` gets whatever id the server gives it when the config is seeded. */
const dataStructures = [
  { id: 50, name: 'Archive', spec },
  { name: 'Lead', spec },
];

function project(blueprint: object = blueprints.queued()) {
  const dir = mkdtempSync(join(tmpdir(), 'makesim-hook-options-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'orders.json'), JSON.stringify(blueprint));
  const configWith = (hook: HookOptionsConfig) =>
    parseConfig(
      {
        database: ':memory:',
        dataStructures,
        scenarios: { [SCENARIO_ID]: { blueprint: 'orders.json', hook } },
      },
      { root: dir },
    );
  return { dir, configWith };
}

type Config = ReturnType<ReturnType<typeof project>['configWith']>;

/** A server started as `makesim serve` starts one: config data structures seeded, then the directory loaded. */
async function serve(dir: string, config: Config) {
  const current = testServer({ dataStructures: config.dataStructures });
  server = current;
  return { current, entry: (await loadDirectory(current.services, dir, config))[0] };
}

/** What the file watcher does: load the directory again, here with an edited config. */
async function reload(current: ServerApp, dir: string, config: Config) {
  return (await loadDirectory(current.services, dir, config))[0];
}

function hookOf(current: ServerApp): StoredHook {
  const scenario = current.services.scenarios.get(SCENARIO_ID);
  const hook = current.services.hooks.get(scenario?.hookId ?? 0);
  if (!hook) throw new Error('the scenario has no hook');
  return hook;
}

const post = (current: ServerApp, udid: string, payload: object, headers: Record<string, string> = {}) =>
  current.app.inject({ method: 'POST', url: `/${udid}`, payload, headers });

describe('hook options from makesim.config.json', () => {
  it('checks the API key and data structure and adds the method, as configured', async () => {
    const { dir, configWith } = project();
    const { current } = await serve(
      dir,
      configWith({ method: true, apiKeys: ['k1'], dataStructure: 'Lead' }),
    );
    const hook = hookOf(current);
    const runs = () =>
      current.services.executions.list({ scenarioId: SCENARIO_ID, offset: 0, limit: 10, sortDir: 'asc' });

    const noKey = await post(current, hook.udid, { email: 'a@b.c' });
    expect([noKey.statusCode, noKey.body]).toEqual([401, 'Unauthorized.']);

    const misfit = await post(current, hook.udid, { name: 'no email' }, { 'x-make-apikey': 'k1' });
    expect(misfit.statusCode).toBe(400);
    expect(misfit.body).toContain('/email');
    expect(current.services.queue.count(hook.id)).toBe(0);

    const fits = await post(current, hook.udid, { email: 'a@b.c' }, { 'x-make-apikey': 'k1' });
    expect([fits.statusCode, fits.body]).toEqual([200, 'Accepted']);
    await current.services.runner.idle();
    expect(runs()).toHaveLength(1);
    expect(runs()[0]?.record.modules[0]?.outputs[0]).toEqual({ email: 'a@b.c', __IMTMETHOD__: 'POST' });
  });

  it("stores a data structure named by name under the server's id, and one named by id under that id", async () => {
    const { dir, configWith } = project();
    const { current } = await serve(dir, configWith({ dataStructure: 'Lead' }));
    const lead = current.services.dataStructures.byName('Lead');
    expect(lead?.id).not.toBe(50);
    expect(hookOf(current).data.udt).toBe(lead?.id);
    await reload(current, dir, configWith({ dataStructure: 50 }));
    expect(hookOf(current).data.udt).toBe(50);
  });

  it('wins over options changed over the API at reload, and keeps the ones it no longer sets', async () => {
    const { dir, configWith } = project();
    const { current } = await serve(dir, configWith({ method: true, apiKeys: ['k1'] }));
    const hook = hookOf(current);
    current.services.hooks.update(hook.id, { data: { ...hook.data, apiKeys: ['from-api'], headers: true } });

    await reload(current, dir, configWith({ apiKeys: ['k1'] }));
    const reloaded = hookOf(current);
    expect(reloaded.udid).toBe(hook.udid);
    expect(reloaded.data.apiKeys).toEqual(['k1']);
    expect(reloaded.data.method).toBe(true);
    expect(reloaded.data.headers).toBe(true);
  });

  it('refuses to serve a mailhook scenario whose config sets hook options, naming the config pointer', async () => {
    const mail = blueprints.queued() as { flow: Array<Record<string, unknown>> };
    mail.flow[0] = { ...mail.flow[0], module: 'gateway:CustomMailHook' };
    const { dir, configWith } = project(mail);
    const { current, entry } = await serve(dir, configWith({ apiKeys: ['k1'] }));
    expect(entry?.scenario).toBeUndefined();
    expect(entry?.problem).toContain(`/scenarios/${SCENARIO_ID}/hook`);
    expect(current.services.scenarios.get(SCENARIO_ID)).toBeUndefined();
  });
});
