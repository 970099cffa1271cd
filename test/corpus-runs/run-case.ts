/**
 * Runs one corpus case through the real CLI (`makesim run … --json`) and checks it against its
 * expectations, returning the mismatches as text (empty = the case holds). Returning instead of
 * asserting lets the test also check that a KNOWN_DEFECTS case still fails.
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ExecutionRecord, ModuleRecord } from '../../engine/runtime/record.ts';
import { runCli } from '../helpers/cli.ts';
import { type CaseExpectation, loadCase, type ModuleExpectation } from './expectations.ts';
import { corpusDir } from './select.ts';

export interface CaseRun {
  exitCode: number;
  record: ExecutionRecord | undefined;
  stderr: string;
}

/** A fixed execution time so date formulas give the same text on every run. */
const NOW = '2026-03-02T09:00:00Z';

export async function runCase(file: string): Promise<CaseRun> {
  const files = loadCase(file);
  const argv = ['run', path.join(corpusDir, file), '--input', files.input, '--json'];
  if (files.mocks) argv.push('--mocks', files.mocks);
  argv.push('--config', files.config, '--now', NOW);
  const { code: exitCode, out, err } = await runCli(argv, { cwd: path.dirname(files.config), env: {} });
  let record: ExecutionRecord | undefined;
  try {
    record = out.trim() === '' ? undefined : (JSON.parse(out) as ExecutionRecord);
  } catch {
    record = undefined;
  }
  return { exitCode, record, stderr: err };
}

/** A comparison that records a line when an expected value (if given) differs. */
function checker(found: string[]) {
  return (what: string, actual: unknown, wanted: unknown): void => {
    if (wanted !== undefined && !isDeepStrictEqual(actual, wanted))
      found.push(`${what}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`);
  };
}

/** Every way the run differs from the expectation, one line each. */
export function mismatches(run: CaseRun, expected: CaseExpectation): string[] {
  const found: string[] = [];
  const check = checker(found);
  check('exit code', run.exitCode, expected.exitCode);
  for (const place of expected.stderrIncludes ?? [])
    if (!run.stderr.includes(place)) found.push(`stderr does not name ${place}`);
  const record = run.record;
  if (!record) {
    if (expected.status !== undefined) found.push(`no execution record (stderr: ${run.stderr.trim()})`);
    return found;
  }
  check('status', record.status, expected.status);
  check('operations', record.operations, expected.operations);
  check('error type', record.error?.type, expected.errorType);
  if (expected.response) check('response', pick(record.response, expected.response), expected.response);
  for (const [id, want] of Object.entries(expected.modules ?? {})) {
    const module = record.modules.find((m) => String(m.id) === id);
    if (!module) found.push(`module ${id}: not in the record`);
    else found.push(...moduleMismatches(module, want).map((line) => `module ${id} ${line}`));
  }
  return found;
}

function moduleMismatches(module: ModuleRecord, want: ModuleExpectation): string[] {
  const found: string[] = [];
  const check = checker(found);
  check('operations', module.operations, want.operations);
  check('bundlesOut', module.bundlesOut, want.bundlesOut);
  if (want.ran !== undefined) check('ran', module.calls.length > 0 || module.operations > 0, want.ran);
  if (want.output) check('output', pick(module.outputs[0], want.output), want.output);
  const input = module.calls[0]?.input;
  if (want.input) check('input', pick(input, want.input), want.input);
  for (const [field, parts] of Object.entries(want.inputIncludes ?? {})) {
    const value = input?.[field];
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
    for (const part of parts)
      if (!text.includes(part)) found.push(`input.${field} lacks ${JSON.stringify(part)}`);
  }
  return found;
}

/** The keys of `actual` that `wanted` names (recursively for nested objects): a partial match. */
function pick(actual: unknown, wanted: Record<string, unknown>): unknown {
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return actual;
  const source = actual as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (!Object.hasOwn(source, key)) continue;
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    out[key] = isObject ? pick(source[key], value as Record<string, unknown>) : source[key];
  }
  return out;
}
