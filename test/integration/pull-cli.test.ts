/**
 * `makesim pull` end to end through Make's SDK (@makehq/sdk) against a local makesim serve on
 * loopback (the SDK's `protocol` set to http): a scenario whose data store holds a record and
 * whose Break route left an incomplete execution.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/load-config.ts';
import { createRunEnvironment } from '../../config/run-environment.ts';
import { buildApp, type ServerApp } from '../../server/app.ts';
import { convertRequest, createMakeEngine } from '../../server/runner/make-engine.ts';
import { runCli } from '../helpers/cli.ts';
import { addScenario, breakBlueprint, TOKEN } from './server/fixtures.ts';

let server: ServerApp | undefined;
afterEach(async () => server?.close());

function serverWithStore(): ServerApp {
  const config = parseConfig(
    { database: ':memory:', dataStores: [{ name: 'seen', makeId: 7 }] },
    { root: process.cwd() },
  );
  const environment = createRunEnvironment(config, { database: ':memory:' });
  const app = buildApp({
    engine: createMakeEngine(environment),
    convert: convertRequest,
    token: TOKEN,
    hookBase: 'http://127.0.0.1:9999',
    dataStores: environment.dataStores,
  });
  app.start();
  return app;
}

/** breakBlueprint with a data store write before the Parse JSON that fails on a bad `doc`. */
function blueprint() {
  const bp = breakBlueprint() as unknown as { name: string; flow: Array<Record<string, unknown>> };
  bp.name = 'Store then parse';
  bp.flow.splice(1, 0, {
    id: 5,
    module: 'datastore:AddRecord',
    version: 1,
    parameters: { datastore: 7 },
    mapper: { key: '{{1.id}}', data: { doc: '{{1.doc}}' }, overwrite: true },
    metadata: { designer: { x: 150, y: 0 } },
  });
  return bp;
}

describe('makesim pull', () => {
  it('writes the blueprint, the data store config and seeds, and one failing case per incomplete execution', async () => {
    server = serverWithStore();
    const { udid, scenario } = addScenario(server, blueprint());
    await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { id: 'a1', doc: 'broken' } });
    await server.services.runner.idle();
    const origin = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'makesim-pull-'));
    const args = [
      'pull',
      '--zone',
      origin,
      '--token',
      TOKEN,
      '--scenario',
      String(scenario.id),
      '--out',
      dir,
    ];
    const pulled = await runCli(args, { cwd: dir });
    expect(pulled.err).toBe('');
    expect(pulled.code).toBe(0);
    const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
    expect(read('store-then-parse.blueprint.json').flow.map((m: { module: string }) => m.module)).toEqual([
      'gateway:CustomWebHook',
      'datastore:AddRecord',
      'json:ParseJSON',
    ]);
    expect(read('makesim.config.json')).toEqual({ dataStores: [{ name: 'seen', makeId: 7 }] });
    const tests = read('store-then-parse.test.json');
    expect(tests.cases).toHaveLength(1);
    expect(tests.cases[0]).toMatchObject({
      input: { id: 'a1', doc: 'broken' },
      dataStores: { seen: { a1: { doc: 'broken' } } },
      expect: { status: 'success' },
    });
    // The case reproduces the failure: it fails until the scenario is fixed.
    const replay = await runCli(['test', join(dir, 'store-then-parse.test.json')], { cwd: dir });
    expect(replay.code).toBe(1);
    expect(replay.out).toMatch(/0 passed, 1 failed/);
  });

  it('exits 2 naming the problem when the scenario does not exist', async () => {
    server = serverWithStore();
    const origin = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'makesim-pull-'));
    const { code, err } = await runCli(
      ['pull', '--zone', origin, '--token', TOKEN, '--scenario', '999', '--out', dir],
      { cwd: dir },
    );
    expect(code).toBe(2);
    expect(err).toContain('pull failed');
  });
});
