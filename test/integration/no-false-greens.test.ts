/**
 * Issue 12 §1 and §6: a call with no answer stops the case as a setup error no error route can
 * catch — in `makesim test`, the library API and `makesim run` — and names what to add.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../test-runner/library.ts';
import { runSuite } from '../../test-runner/run-suite.ts';
import { NO_COLOR_ENV, runCli } from '../helpers/cli.ts';

const dir = resolve(import.meta.dirname, '../fixtures/trust');
const blueprint = join(dir, 'http-resume.blueprint.json');

describe('an HTTP request no "http" entry answers', () => {
  it('fails the case even behind a Resume handler, naming module, method, URL and the entry to paste', async () => {
    const suite = await runSuite({ files: [join(dir, 'http-resume.test.json')], cwd: dir });
    const byName = new Map(suite.results.map((r) => [r.name, r]));
    expect(byName.get('answered')?.passed).toBe(true);
    const unanswered = byName.get('unanswered behind Resume');
    expect(unanswered?.passed).toBe(false);
    expect(unanswered?.failures).toMatchObject([{ path: 'setup', module: { id: 2, label: 'Fetch order' } }]);
    const message = unanswered?.failures[0]?.message ?? '';
    expect(message).toContain('GET https://api.shop.example/orders/8');
    expect(message).toContain('"url": "https://api.shop.example/orders/8"');
    expect(message).toContain('--allow-net=api.shop.example');
  });

  it('ends a library run with a SetupError that no error route handled', async () => {
    const record = await runScenario(blueprint, { input: { id: 8 } });
    expect(record.status).toBe('error');
    expect(record.error).toMatchObject({
      type: 'SetupError',
      moduleId: 2,
      details: { code: 'unanswered-http', method: 'GET', http: { url: 'https://api.shop.example/orders/8' } },
    });
    const resume = record.modules.find((m) => m.id === 3);
    const after = record.modules.find((m) => m.id === 4);
    expect(resume?.bundlesIn).toBe(0);
    expect(after?.bundlesIn).toBe(0);
  });

  it('still lets a case that names the setup error in expect.error test it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'makesim-setup-')), 'x.test.json');
    const testCase = {
      name: 'expects it',
      input: { id: 1 },
      expect: { status: 'error', error: 'SetupError' },
    };
    writeFileSync(file, JSON.stringify({ blueprint, cases: [testCase] }));
    const suite = await runSuite({ files: [file], cwd: dir });
    expect(suite.results[0]?.passed).toBe(true);
  });
});

describe('makesim test --init on an existing file', () => {
  it('is bad usage (exit 2) and leaves the file alone', async () => {
    const work = mkdtempSync(join(tmpdir(), 'makesim-init2-'));
    writeFileSync(join(work, 'x.blueprint.json'), readFileSync(blueprint));
    writeFileSync(join(work, 'x.test.json'), '{"mine": true}');
    const { code, err } = await runCli(['test', '--init', join(work, 'x.blueprint.json')], { cwd: work });
    expect(code).toBe(2);
    expect(err).toContain('already exists');
    expect(readFileSync(join(work, 'x.test.json'), 'utf8')).toBe('{"mine": true}');
  });
});

describe('a mock for a module the blueprint does not have', () => {
  it('is refused by the library API, naming the closest ids and keys', async () => {
    await expect(
      runScenario(blueprint, { input: { id: 7 }, mocks: { '5': { output: {} } } }),
    ).rejects.toThrow(/no module 5; closest module ids: 4, 3, 2/);
    await expect(
      runScenario(blueprint, { input: { id: 7 }, mocks: { 'http:ActionSendDat': { output: {} } } }),
    ).rejects.toThrow(/closest keys: "http:ActionSendData"/);
  });

  it('is bad usage in makesim run (exit 2)', async () => {
    const mocks = join(mkdtempSync(join(tmpdir(), 'makesim-mocks-')), 'mocks.json');
    writeFileSync(mocks, JSON.stringify({ '99': { output: {} } }));
    const { code, err } = await runCli(['run', blueprint, '--mocks', mocks], { cwd: dir, env: NO_COLOR_ENV });
    expect(code).toBe(2);
    expect(err).toContain('closest module ids: 4, 3, 2');
  });
});

describe('makesim run at a terminal', () => {
  it('stops on a host the network policy blocks, even behind Resume, and suggests --allow-net=HOST', async () => {
    const input = join(mkdtempSync(join(tmpdir(), 'makesim-in-')), 'in.json');
    writeFileSync(input, JSON.stringify({ id: 3 }));
    const { code, out } = await runCli(['run', blueprint, '--input', input], { cwd: dir, env: NO_COLOR_ENV });
    expect(code).toBe(1);
    expect(out).toContain('SetupError');
    expect(out).toContain('--allow-net=api.shop.example');
    expect(out).toMatch(/^error: module 2 "Fetch order" › SetupError: /m);
  });

  it('says that a webhook trigger got no request when run without --input', async () => {
    const { err } = await runCli(['run', blueprint], { cwd: dir, env: NO_COLOR_ENV });
    expect(err).toMatch(/module 1 "Order in" \(gateway:CustomWebHook\) got no request/);
    expect(err).toContain('--input');
  });

  it('runs Sleep on simulated time: a 300 s sleep ends 300 s of simulated time later, at once', async () => {
    const sleep = join(dir, 'sleep.blueprint.json');
    const { code, out } = await runCli(['run', sleep, '--json', '--now', '2026-01-01T00:00:00Z'], {
      cwd: dir,
      env: NO_COLOR_ENV,
    });
    expect(code).toBe(0);
    const record = JSON.parse(out);
    expect(record.startedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(record.finishedAt).toBe('2026-01-01T00:05:00.000Z');
  });

  it('refuses an --allow-net value that is not a host name', async () => {
    const { code, err } = await runCli(['run', blueprint, '--allow-net=https://api.shop.example'], {
      cwd: dir,
      env: NO_COLOR_ENV,
    });
    expect(code).toBe(2);
    expect(err).toContain('--allow-net takes a host name');
  });
});
