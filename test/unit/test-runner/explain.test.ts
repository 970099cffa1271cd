/** Issue 12 §2: failures say where (module id and name) and why (filters, routes, ends). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../../test-runner/coverage.ts';
import { describeFailure } from '../../../test-runner/reporters/describe-failure.ts';
import { jsonReport } from '../../../test-runner/reporters/json.ts';
import { runSuite } from '../../../test-runner/run-suite.ts';
import { SnapshotFile } from '../../../test-runner/snapshot.ts';
import type { TestCase } from '../../../test-runner/types.ts';

const root = resolve(import.meta.dirname, '../../..');
const router = join(root, 'blueprints/webhook-router.blueprint.json');
const httpResume = join(root, 'test/fixtures/trust/http-resume.blueprint.json');

async function suiteOf(blueprint: string, cases: TestCase[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'makesim-explain-')), 'x.test.json');
  writeFileSync(file, JSON.stringify({ blueprint, cases }));
  return runSuite({ files: [file], cwd: root });
}

describe('failure explanations', () => {
  it('names the filter that rejected the bundle, with operator and both values, and the routes taken', async () => {
    const suite = await suiteOf(router, [
      { name: 'ping', input: { type: 'ping' }, expect: { modules: { '4': { calls: 1 } } } },
    ]);
    const [failure] = suite.results[0]?.failures ?? [];
    expect(failure?.module).toEqual({ id: 4, label: 'Confirm order' });
    expect(failure?.explanation).toEqual([
      'router 2: took route 3 (fallback); not route 1, 2',
      'filter "Orders" on the link into module 3 "Remember order total" rejected the bundle: "ping" text:equal "order" → false',
    ]);
    expect(describeFailure(failure!)).toContain('why: filter "Orders"');
  });

  it('says where the run ended and which directive decided, on a status failure', async () => {
    const suite = await suiteOf(httpResume, [
      {
        name: 'server error',
        input: { id: 1 },
        http: [{ url: 'https://api.shop.example/orders/1', response: { status: 500, body: 'down' } }],
        expect: { status: 'error' },
      },
    ]);
    const [failure] = suite.results[0]?.failures ?? [];
    expect(failure).toMatchObject({ path: 'status', module: { id: 4, label: 'Remember status' } });
    expect(failure?.explanation?.[0]).toMatch(
      /^at module 2 "Fetch order" a Resume directive substituted the output after ConnectionError/,
    );
  });

  it('puts each case execution record, with its trace, in the JSON report', async () => {
    const suite = await suiteOf(router, [
      { name: 'ping', input: { type: 'ping' }, expect: { status: 'success' } },
    ]);
    const report = JSON.parse(jsonReport(suite));
    expect(report.results[0].record.status).toBe('success');
    expect(report.results[0].record.trace).toContainEqual(
      expect.objectContaining({ kind: 'route', routerId: 2, route: 3, taken: true }),
    );
  });

  it('numbers coverage routes from 1, as the run tree does', async () => {
    const suite = await suiteOf(router, [{ name: 'ping', input: { type: 'ping' } }]);
    const coverage = coverageOf(suite.blueprints[0]!);
    expect(coverage.routesNeverTaken.map((r) => r.position)).toEqual([1, 2]);
  });
});

describe('snapshot differences', () => {
  it('name the module by id, not by its position in the modules array', () => {
    const dir = mkdtempSync(join(tmpdir(), 'makesim-snapdiff-'));
    const file = join(dir, 'x.test.json');
    const record = (value: string) =>
      ({
        status: 'success',
        modules: [
          { id: 1, outputs: [] },
          { id: 4, outputs: [{ value }] },
        ],
      }) as never;
    writeFileSync(join(dir, 'x.snap.json'), JSON.stringify({ c: record('old') }));
    const [failure] = new SnapshotFile(file).check('c', record('new'), false);
    expect(failure).toMatchObject({ path: 'snapshot.modules.4.outputs[0].value', module: { id: 4 } });
  });
});
