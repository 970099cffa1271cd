/**
 * Snapshots: `<name>.snap.json` beside `<name>.test.json`, one record per case name, without
 * the fields that change from run to run. `--update` rewrites them.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import { matchPartial } from './match.ts';
import type { Failure } from './types.ts';

const VOLATILE = new Set(['id', 'startedAt', 'finishedAt', 'durationMs']);

export function snapshotPath(testFile: string): string {
  return testFile.replace(/\.test\.(json|ya?ml)$/, '.snap.json');
}

/** The record as plain JSON (Dates as ISO text), volatile run fields removed. */
export function stableRecord(record: ExecutionRecord): unknown {
  const plain = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
  for (const key of VOLATILE) delete plain[key];
  return plain;
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
  check(caseName: string, record: ExecutionRecord, update: boolean): Failure[] {
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
    const expected = this.#stored[caseName];
    const forward = matchPartial(expected, actual, 'snapshot');
    const backward = matchPartial(actual, expected, 'snapshot').map((m) => ({
      ...m,
      message: `unexpected ${m.path}`,
    }));
    return forward.length > 0 ? forward : backward;
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
