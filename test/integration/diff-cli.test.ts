/** `makesim diff`: the order-intake example against a changed copy, per-case differences. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const root = resolve(import.meta.dirname, '../..');

function versions() {
  const dir = mkdtempSync(join(tmpdir(), 'makesim-diff-'));
  const blueprint = JSON.parse(readFileSync(join(root, 'blueprints/order-intake.blueprint.json'), 'utf8'));
  writeFileSync(join(dir, 'old.blueprint.json'), JSON.stringify(blueprint));
  const routes = blueprint.flow[4].routes;
  routes[0].flow[0].mapper.text = 'VIP! {{3.`1`}}';
  routes[1].flow[0].filter = {
    name: 'Big orders',
    conditions: [[{ a: '{{1.total}}', o: 'number:greater', b: '100' }]],
  };
  writeFileSync(join(dir, 'new.blueprint.json'), JSON.stringify(blueprint));
  const tests = JSON.parse(readFileSync(join(root, 'blueprints/order-intake.test.json'), 'utf8'));
  tests.blueprint = 'old.blueprint.json';
  tests.cases = tests.cases.slice(0, 3);
  writeFileSync(join(dir, 'old.test.json'), JSON.stringify(tests));
  return dir;
}

describe('makesim diff', () => {
  it('reports per case the changed outputs, modules run, operations and credits; exit 1 when anything changed', async () => {
    const dir = versions();
    const { code, out } = await runCli(['diff', 'old.blueprint.json', 'new.blueprint.json', '--json'], {
      cwd: dir,
    });
    expect(code).toBe(1);
    const diffs = JSON.parse(out);
    expect(diffs).toMatchObject([
      {
        name: 'a VIP order is logged, counted, announced on Slack and confirmed by email',
        changed: true,
        operations: null,
        changedOutputs: [
          {
            id: 6,
            old: [{ message: { text: 'VIP order from Ada: 250 (order row 3)' } }],
            new: [{ message: { text: 'VIP! Ada' } }],
          },
        ],
        onlyOld: [],
      },
      {
        name: 'a regular customer gets the email but no Slack message',
        changed: true,
        operations: [5, 4],
        credits: [5, 4],
        onlyOld: [7],
        onlyNew: [],
      },
      { name: "an unknown customer's order is only logged: the search finds no row", changed: false },
    ]);
  });

  it('prints = for an unchanged case and a summary line; exit 0 for identical versions', async () => {
    const dir = versions();
    const { code, out } = await runCli(['diff', 'old.blueprint.json', 'old.blueprint.json'], { cwd: dir });
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n').at(-1)).toBe('3 case(s), 0 changed');
    expect(out).toContain("= an unknown customer's order is only logged");
  });
});
