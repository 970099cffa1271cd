/**
 * Issue requirement: every corpus blueprint that uses only built-in modules runs offline with
 * `makesim run` and the right input. Which blueprints qualify is computed (test/corpus-runs/select.ts);
 * each has its input, mocks and expectations in test/corpus-runs/cases/, written by reading the
 * blueprint. The corpus is ../shared/corpus/blueprints; HTTP calls to external hosts are mocked and
 * the default network policy blocks everything else, so no test touches the network.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseName, inputPath, loadCase } from '../corpus-runs/expectations.ts';
import { mismatches, runCase } from '../corpus-runs/run-case.ts';
import { casesDir, classify, qualifyingBlueprints } from '../corpus-runs/select.ts';

/**
 * Cases whose expectation (right per Make's docs) makesim does not meet yet. Each must STILL fail:
 * when the defect is fixed the test says so, and the entry is removed.
 */
const KNOWN_DEFECTS: Readonly<Record<string, string>> = {};

const qualifying = qualifyingBlueprints();

describe('which corpus blueprints qualify', () => {
  const builtin = new Set([
    'util:BasicTrigger',
    'builtin:BasicRouter',
    'util:SetVariable2',
    'builtin:Ignore',
  ]);
  const node = (id: number, module: string, extra: Record<string, unknown> = {}) => ({
    id,
    module,
    ...extra,
  });

  it('accepts a blueprint whose modules at every depth are built in', () => {
    const blueprint = {
      flow: [
        node(1, 'util:BasicTrigger'),
        node(2, 'builtin:BasicRouter', { routes: [{ flow: [node(3, 'util:SetVariable2')] }] }),
      ],
    };
    expect(classify('a.json', blueprint, builtin)).toEqual({
      file: 'a.json',
      appTrigger: false,
      missing: [],
    });
  });

  it('rejects an app module hidden in a route, a branch or an error route', () => {
    const blueprint = {
      flow: [
        node(1, 'util:BasicTrigger'),
        node(2, 'builtin:BasicRouter', { routes: [{ flow: [node(3, 'slack:CreateMessage')] }] }),
        node(4, 'builtin:BasicIfElse', { branches: [{ flow: [node(5, 'gmail:SendEmail')] }] }),
        node(6, 'util:SetVariable2', { onerror: [node(7, 'airtable:Create'), node(8, 'builtin:Ignore')] }),
      ],
    };
    const found = classify('b.json', blueprint, new Set([...builtin, 'builtin:BasicIfElse']));
    expect(found.missing).toEqual(['airtable:Create', 'gmail:SendEmail', 'slack:CreateMessage']);
  });

  it('accepts an app trigger, whose bundles come from --input', () => {
    const blueprint = { flow: [node(1, 'google-sheets:watchRows'), node(2, 'util:SetVariable2')] };
    expect(classify('c.json', blueprint, builtin)).toEqual({ file: 'c.json', appTrigger: true, missing: [] });
  });

  it('rejects an app module that is not the trigger', () => {
    const blueprint = { flow: [node(1, 'util:BasicTrigger'), node(2, 'google-sheets:addRow')] };
    expect(classify('d.json', blueprint, builtin).missing).toEqual(['google-sheets:addRow']);
  });
});

describe('corpus blueprints that use only built-in modules, run offline with `makesim run`', () => {
  it('finds qualifying blueprints in the corpus', () => {
    expect(qualifying.length).toBeGreaterThan(0);
  });

  it('has an input file for every qualifying blueprint', () => {
    const missing = qualifying.filter((c) => !existsSync(inputPath(c.file))).map((c) => caseName(c.file));
    expect(missing).toEqual([]);
  });

  it('keeps case files and known defects only for qualifying blueprints', () => {
    const names = new Set(qualifying.map((c) => caseName(c.file)));
    const stale = readdirSync(casesDir)
      .map((f) => f.replace(/\.(input|mocks|expect|config)\.json$/, ''))
      .filter((name) => !names.has(name));
    expect([...new Set(stale)]).toEqual([]);
    expect(Object.keys(KNOWN_DEFECTS).filter((file) => !names.has(caseName(file)))).toEqual([]);
  });

  for (const { file, appTrigger } of qualifying) {
    if (!existsSync(inputPath(file))) continue; // reported by 'has an input file' above
    const defect = KNOWN_DEFECTS[file];
    const fed = appTrigger ? ' (app trigger fed from --input)' : '';
    const title = defect
      ? `still shows a known defect in ${file}: ${defect}`
      : `runs ${file}${fed} as its blueprint says`;
    // A run may sleep for real (util:FunctionSleep in SenseFlow waits 10 s): makesim run has no simulated clock.
    it(title, { timeout: 60_000 }, async () => {
      const problems = mismatches(await runCase(file), loadCase(file).expect);
      if (defect) expect(problems, 'the defect looks fixed: remove it from KNOWN_DEFECTS').not.toEqual([]);
      else expect(problems).toEqual([]);
    });
  }
});
