/**
 * The shape of `cases/<blueprint>.expect.json` — what a reader of the blueprint can say about its
 * run — and the files of one case. Every expectation is derived by hand from the blueprint and the
 * counting rules of Make's help: https://help.make.com/operations; the `why` field says how.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { casesDir } from './select.ts';

export interface ModuleExpectation {
  /** Operations charged to this module (https://help.make.com/operations). */
  operations?: number;
  /** Bundles the module emitted. */
  bundlesOut?: number;
  /** false: the module never ran (filtered out, route not taken, run stopped before it). */
  ran?: boolean;
  /** Partial match on the module's first output bundle. */
  output?: Record<string, unknown>;
  /** Partial match on the resolved input of the module's first call. */
  input?: Record<string, unknown>;
  /** Substrings the named text fields of the first call's input must contain. */
  inputIncludes?: Record<string, string[]>;
}

export interface CaseExpectation {
  why: string;
  /** `makesim run` exit code: 0 success or warning, 1 error, 2 the blueprint cannot be loaded. */
  exitCode: number;
  status?: 'success' | 'warning' | 'error';
  operations?: number;
  /** The run's error type when it ends in error. */
  errorType?: string;
  modules?: Record<string, ModuleExpectation>;
  /** Partial match on what the webhook caller receives. */
  response?: Record<string, unknown>;
  /** Places (JSON pointers, module ids) the error output must name when the run is refused. */
  stderrIncludes?: string[];
}

export interface CaseFiles {
  input: string;
  mocks?: string;
  config: string;
  expect: CaseExpectation;
}

/** `<blueprint>.json` → its case files; the config defaults to the shared in-memory one. */
export function caseName(file: string): string {
  return file.replace(/\.json$/, '');
}

export function inputPath(file: string): string {
  return path.join(casesDir, `${caseName(file)}.input.json`);
}

export function loadCase(file: string): CaseFiles {
  const base = path.join(casesDir, caseName(file));
  const optional = (suffix: string) => (existsSync(`${base}${suffix}`) ? `${base}${suffix}` : undefined);
  const expectFile = `${base}.expect.json`;
  return {
    input: inputPath(file),
    mocks: optional('.mocks.json'),
    config: optional('.config.json') ?? path.resolve(casesDir, '../makesim.config.json'),
    expect: JSON.parse(readFileSync(expectFile, 'utf8')) as CaseExpectation,
  };
}
