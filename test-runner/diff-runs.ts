/**
 * `makesim diff`: the same test cases run on two versions of a scenario, compared per case —
 * status, operations, credits, which modules ran, and which modules' outputs changed. A
 * behavioural diff to read before re-importing a blueprint into Make.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import { executeCase } from './execute-case.ts';
import type { LoadedTestFile, TestCase } from './types.ts';

export interface Side {
  scenario: Scenario;
  blueprintPath: string;
}

export interface CaseDiff {
  name: string;
  status: [string, string] | null;
  operations: [number, number] | null;
  credits: [number, number] | null;
  /** Module ids that ran only in the old / only in the new version. */
  onlyOld: number[];
  onlyNew: number[];
  /** Modules that ran in both with different output bundles. */
  changedOutputs: Array<{ id: number; old: unknown[]; new: unknown[] }>;
  changed: boolean;
}

export async function diffCases(
  oldSide: Side,
  newSide: Side,
  file: Pick<LoadedTestFile, 'path' | 'settings' | 'mocks' | 'cases'>,
): Promise<CaseDiff[]> {
  const out: CaseDiff[] = [];
  for (const testCase of file.cases) {
    const before = await runOn(oldSide, file, testCase);
    const after = await runOn(newSide, file, testCase);
    out.push(compare(testCase.name, before, after));
  }
  return out;
}

async function runOn(
  side: Side,
  file: Pick<LoadedTestFile, 'path' | 'settings' | 'mocks'>,
  testCase: TestCase,
): Promise<ExecutionRecord> {
  const { name, expect: _expect, ...input } = testCase;
  return executeCase(
    side.scenario,
    input,
    {
      blueprintPath: side.blueprintPath,
      // The same identity on both sides: random and uuid give the same values, so they never show as a change.
      identity: `${file.path}#${name}`,
      ...(file.settings ? { settings: file.settings } : {}),
      ...(file.mocks ? { mocks: file.mocks } : {}),
    },
    (e) => e.record,
  );
}

function ran(record: ExecutionRecord): Map<number, unknown[]> {
  return new Map(
    record.modules.filter((m) => m.calls.length > 0 || m.bundlesIn > 0).map((m) => [m.id, m.outputs]),
  );
}

function pair<T>(a: T, b: T): [T, T] | null {
  return isDeepStrictEqual(a, b) ? null : [a, b];
}

export function compare(name: string, before: ExecutionRecord, after: ExecutionRecord): CaseDiff {
  const oldRan = ran(before);
  const newRan = ran(after);
  const changedOutputs: CaseDiff['changedOutputs'] = [];
  for (const [id, outputs] of oldRan) {
    const next = newRan.get(id);
    if (next !== undefined && !isDeepStrictEqual(outputs, next))
      changedOutputs.push({ id, old: outputs, new: next });
  }
  const diff: CaseDiff = {
    name,
    status: pair(before.status, after.status),
    operations: pair(before.operations, after.operations),
    credits: pair(before.centicredits / 100, after.centicredits / 100),
    onlyOld: [...oldRan.keys()].filter((id) => !newRan.has(id)),
    onlyNew: [...newRan.keys()].filter((id) => !oldRan.has(id)),
    changedOutputs,
    changed: false,
  };
  diff.changed = Boolean(
    diff.status ||
      diff.operations ||
      diff.credits ||
      diff.onlyOld.length ||
      diff.onlyNew.length ||
      changedOutputs.length,
  );
  return diff;
}

/** The report a person reads: one block per case, `=` when nothing changed. */
export function formatDiff(diffs: readonly CaseDiff[]): string {
  const lines: string[] = [];
  for (const d of diffs) {
    if (!d.changed) {
      lines.push(`= ${d.name}`);
      continue;
    }
    lines.push(`≠ ${d.name}`);
    if (d.status) lines.push(`    status: ${d.status[0]} → ${d.status[1]}`);
    if (d.operations) lines.push(`    operations: ${d.operations[0]} → ${d.operations[1]}`);
    if (d.credits) lines.push(`    credits: ${d.credits[0]} → ${d.credits[1]}`);
    if (d.onlyOld.length) lines.push(`    modules no longer run: ${d.onlyOld.join(', ')}`);
    if (d.onlyNew.length) lines.push(`    modules newly run: ${d.onlyNew.join(', ')}`);
    for (const c of d.changedOutputs) {
      lines.push(`    module ${c.id} outputs: ${short(c.old)} → ${short(c.new)}`);
    }
  }
  const changed = diffs.filter((d) => d.changed).length;
  lines.push(`${diffs.length} case(s), ${changed} changed`);
  return `${lines.join('\n')}\n`;
}

function short(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
