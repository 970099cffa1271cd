/**
 * Snapshots: `<name>.snap.json` beside `<name>.test.json`, one record per case name, without
 * the fields that change from run to run. `--update` rewrites them.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import { isPlainObject, matchPartial } from './match.ts';
import type { Failure } from './types.ts';

/** Fields that change from run to run, and the path trace (a diagnostic, not an outcome). */
const VOLATILE = new Set(['id', 'startedAt', 'finishedAt', 'durationMs', 'trace']);

export function snapshotPath(testFile: string): string {
  return testFile.replace(/\.test\.(json|ya?ml)$/, '.snap.json');
}

/** The record as plain JSON (Dates as ISO text), volatile run fields removed. */
export function stableRecord(record: ExecutionRecord): unknown {
  const plain = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
  for (const key of VOLATILE) delete plain[key];
  return plain;
}

/**
 * Modules keyed by id for comparing, so a difference reads `snapshot.modules.4.outputs[0]` (module
 * 4), not an array position that shifts when a module is added. Stored snapshots keep the array.
 */
function byModuleId(record: unknown): unknown {
  if (!isPlainObject(record) || !Array.isArray(record.modules)) return record;
  const modules: Record<string, unknown> = {};
  for (const m of record.modules) if (isPlainObject(m)) modules[String(m.id)] = m;
  return { ...record, modules };
}

function withModule(failure: Failure, scenario: Scenario | undefined): Failure {
  const id = /^snapshot\.modules\.(\d+)/.exec(failure.path)?.[1];
  if (id === undefined) return failure;
  const label = scenario?.byId.get(Number(id))?.label;
  return { ...failure, module: label === undefined ? { id: Number(id) } : { id: Number(id), label } };
}

export class SnapshotFile {
  readonly #path: string;
  readonly #stored: Record<string, unknown>;
  readonly #updated: Record<string, unknown> = {};

  constructor(testFile: string) {
    this.#path = snapshotPath(testFile);
    this.#stored = existsSync(this.#path)
      ? (JSON.parse(readFileSync(this.#path, 'utf8')) as Record<string, unknown>)
      : {};
  }

  /** Compares (or, when updating, records) one case's snapshot. */
  check(caseName: string, record: ExecutionRecord, update: boolean, scenario?: Scenario): Failure[] {
    const actual = stableRecord(record);
    if (update) {
      this.#updated[caseName] = actual;
      return [];
    }
    if (!Object.hasOwn(this.#stored, caseName)) {
      return [
        {
          path: 'snapshot',
          message: `no snapshot for "${caseName}" in ${this.#path}: run makesim test --update to record it`,
        },
      ];
    }
    const expected = byModuleId(this.#stored[caseName]);
    const forward = matchPartial(expected, byModuleId(actual), 'snapshot');
    const backward = matchPartial(byModuleId(actual), expected, 'snapshot').map((m) => ({
      ...m,
      message: `unexpected ${m.path}`,
    }));
    return (forward.length > 0 ? forward : backward).map((m) => withModule(m, scenario));
  }

  /** Writes the updated snapshots atomically (temp file + rename), keeping cases not run this time. */
  save(keepOthers: boolean): void {
    if (Object.keys(this.#updated).length === 0) return;
    const next = keepOthers ? { ...this.#stored, ...this.#updated } : this.#updated;
    const temp = `${this.#path}.tmp`;
    writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`);
    renameSync(temp, this.#path);
  }
}
