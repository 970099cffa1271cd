/** `makesim run` end to end through main(argv, ctx), on the example blueprints in blueprints/. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import { NO_COLOR_ENV, runCli } from '../helpers/cli.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const examples = path.join(root, 'blueprints');

const cli = (args: string[]) => runCli(args, { cwd: examples, env: NO_COLOR_ENV });

describe('makesim run', () => {
  it('prints the module tree with operations and the status', async () => {
    const { code, out } = await cli([
      'run',
      'webhook-router.blueprint.json',
      '--input',
      'webhook-router.input.json',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('Remember order total');
    expect(out).toMatch(/success\s+3 operation/);
  });

  it('prints the execution record with --json', async () => {
    const { code, out } = await cli([
      'run',
      'iterator-aggregator.blueprint.json',
      '--input',
      'iterator-aggregator.input.json',
      '--json',
    ]);
    expect(code).toBe(0);
    const record = JSON.parse(out) as ExecutionRecord;
    // 1 webhook + 1 iterator + 3 set variable + 1 aggregation + 1 response.
    expect(record.operations).toBe(7);
    expect(record.response?.body).toContain('"lines": 3');
  });

  it('runs the error-handling example with mocks: Break makes it a warning (exit 0)', async () => {
    const args = [
      'run',
      'error-handling.blueprint.json',
      '--input',
      'error-handling.input.json',
      '--mocks',
      'error-handling.mocks.json',
      '--json',
    ];
    const { code, out } = await cli(args);
    const record = JSON.parse(out) as ExecutionRecord;
    expect(code).toBe(0);
    expect(record.status).toBe('warning');
    expect(record.incomplete).toHaveLength(1);
    expect(record.incomplete[0]).toMatchObject({ reason: 'break', error: { type: 'RateLimitError' } });
  });

  it('deduplicates orders through the configured data store', async () => {
    const { code, out } = await cli([
      'run',
      'data-store.blueprint.json',
      '--input',
      'data-store.input.json',
      '--json',
    ]);
    const record = JSON.parse(out) as ExecutionRecord;
    expect(code).toBe(0);
    // The second event repeats order A-1001: its "only new orders" filter fails.
    expect(record.modules.find((m) => m.id === 3)?.filter).toEqual({ passed: 2, failed: 1 });
  });

  it('exits 1 when the run ends in error', async () => {
    const { code, out } = await cli([
      'run',
      'error-handling.blueprint.json',
      '--input',
      'error-handling.input.json',
    ]);
    expect(code).toBe(1);
    expect(out).toContain('MissingMock');
  });

  it('exits 2 naming the file, line and column of bad JSON in --input', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'makesim-run-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "a": 1,\n  oops\n}');
    const { code, err } = await cli(['run', 'webhook-router.blueprint.json', '--input', bad]);
    expect(code).toBe(2);
    expect(err).toContain(bad);
    expect(err).toContain('line 3');
  });

  it('exits 2 for a missing blueprint file', async () => {
    const { code, err } = await cli(['run', 'nope.blueprint.json']);
    expect(code).toBe(2);
    expect(err).toContain('nope.blueprint.json');
  });

  it('maps --var values into scenario and organization variables', async () => {
    const { mergeVars } = await import('../../cli/commands/run-inputs.ts');
    expect(mergeVars({}, ['limit=5', 'organization.region=eu', 'team.name="ops"'])).toMatchObject({
      scenario: { limit: 5 },
      organization: { region: 'eu' },
      team: { name: 'ops' },
    });
  });
});
