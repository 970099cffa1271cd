import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../cli/main.ts';
import type { BlueprintReport } from '../../../../engine/blueprint/report.ts';
import { captureOutput } from '../../../helpers/cli.ts';

const mod = (id: number, module: string, extra: Record<string, unknown> = {}) => ({
  id,
  module,
  version: 1,
  parameters: {},
  mapper: {},
  ...extra,
});
const good = {
  name: 'Good',
  flow: [
    mod(1, 'acme:watchThings'),
    mod(2, 'acme:CreateThing', { mapper: { a: '{{1.a}} {{upper(1.b)}} {{nosuchfn(1.c)}}' } }),
  ],
  metadata: {},
};
const bad = { name: 'Bad', flow: [mod(1, 'acme:watchThings'), mod(1, 'acme:CreateThing')], metadata: {} };

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'makesim-validate-'));
  mkdirSync(path.join(dir, 'bp'));
  writeFileSync(path.join(dir, 'bp', 'good.json'), JSON.stringify(good));
  writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
  writeFileSync(path.join(dir, 'broken.json'), '{"flow": [');
  return dir;
}

describe('makesim validate', () => {
  it('exits 0 for a blueprint with only warnings, listing the mocks it needs', async () => {
    const { io, ctx } = captureOutput(workspace());
    expect(await main(['validate', 'bp'], ctx)).toBe(0);
    expect(io.stdout).toContain('acme:CreateThing');
    expect(io.stdout).toContain('unknown-function');
  });

  it('exits 1 on warnings with --strict, and names the linter finding with its JSON pointer', async () => {
    const { io, ctx } = captureOutput(workspace());
    expect(await main(['validate', 'bp', '--strict'], ctx)).toBe(1);
    expect(io.stdout).toContain('/flow/1/mapper/a');
  });

  it('exits 1 when any blueprint has errors', async () => {
    const { io, ctx } = captureOutput(workspace());
    expect(await main(['validate', 'bp', 'bad.json'], ctx)).toBe(1);
    expect(io.stdout).toContain('duplicate-id');
  });

  it('prints per-file reports as JSON with problems, mocks and the fidelity summary', async () => {
    const { io, ctx } = captureOutput(workspace());
    expect(await main(['validate', 'bp/good.json', 'broken.json', '--json'], ctx)).toBe(1);
    const reports = JSON.parse(io.stdout) as BlueprintReport[];
    expect(reports.map((r) => r.file)).toEqual([path.join('bp', 'good.json'), 'broken.json']);
    const [first, second] = reports;
    expect(first?.mocksNeeded).toEqual([
      { id: 1, module: 'acme:watchThings' },
      { id: 2, module: 'acme:CreateThing' },
    ]);
    expect(first?.fidelity.modules.mocked).toBe(2);
    expect(first?.fidelity.functions).toEqual({ known: ['upper'], unknown: ['nosuchfn'] });
    expect(second?.problems.map((p) => p.code)).toEqual(['json-syntax']);
  });

  it('with --quiet prints only blueprints with errors and a total', async () => {
    const { io, ctx } = captureOutput(workspace());
    expect(await main(['validate', 'bp', 'bad.json', '--quiet'], ctx)).toBe(1);
    expect(io.stdout).not.toContain('good.json');
    expect(io.stdout).toContain('bad.json');
    expect(io.stdout.trim().split('\n').at(-1)).toMatch(/^.*2 blueprint/);
  });

  it('exits 2 for a path that does not exist', async () => {
    const { io, ctx } = captureOutput(workspace());
    expect(await main(['validate', 'nope.json'], ctx)).toBe(2);
    expect(io.stderr).toContain('nope.json');
  });
});
