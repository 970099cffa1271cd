/**
 * The test-file format (`<name>.test.json` / `.test.yaml`), DESIGN.md contracts for mocks and
 * trigger input. Shapes here mirror test-runner/schema.ts, which validates them.
 */
import type { VariableScopes } from '../engine/expression/types.ts';
import type { Mocks } from '../engine/registry/mocks.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';

/** A webhook request, converted to a bundle as Make's gateway does (modules/gateway). */
export interface RequestInput {
  method?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | string[]>;
  body?: unknown;
}

/** One stubbed HTTP exchange for the HTTP modules: method + URL matcher → response. */
export interface HttpMock {
  method?: string;
  /** Exact URL (with or without query), or a `/regex/` string. */
  url: string;
  response: { status?: number; headers?: Record<string, string>; body?: unknown };
  /** How many requests it answers; default unlimited. */
  times?: number;
}

export interface CaseSettings {
  timezone?: string;
  now?: string;
  vars?: VariableScopes;
  /** Cycles to run (Make's "Run once" = 1). */
  maxCycles?: number;
}

/** Data store contents by store name (or Make id): key → record data. */
export type DataStoreContents = Record<string, Record<string, Record<string, unknown>>>;

export interface ModuleExpectation {
  /** Deep partial match against the module's output bundles, in order; extra bundles fail. */
  outputs?: unknown[];
  /** Number of times the module ran (calls). */
  calls?: number;
  /** Deep partial match against the input each call received (for mocks: what the app would get). */
  inputs?: unknown[];
  operations?: number;
  /** Error types the module raised, in order. */
  errors?: string[];
}

export interface Expectations {
  status?: 'success' | 'warning' | 'error';
  operations?: number | { max?: number; min?: number };
  /** Error type of the run (`record.error.type`). */
  error?: string;
  modules?: Record<string, ModuleExpectation>;
  /** Module ids that must not run. */
  notRun?: number[];
  /** Deep partial match on the webhook response. */
  response?: { status?: number; headers?: Record<string, string>; body?: unknown } | null;
  /** Count, or a partial match on each incomplete execution. */
  incomplete?: number | unknown[];
  /** Deep partial match of each store's records after the run; a key mapped to null must be absent. */
  dataStores?: Record<string, Record<string, Record<string, unknown> | null>>;
  /** Deep partial match of each fake's state after the run (same shape as its seed). */
  fakes?: Record<string, unknown>;
  /** HTTP requests the HTTP modules sent, partial match in order. */
  httpRequests?: Array<{ method?: string; url?: string; headers?: Record<string, string>; body?: unknown }>;
  /** jsonata expressions over the execution record; each must be true. */
  assert?: string[];
  /** Compare the record (volatile fields removed) with the stored snapshot. */
  snapshot?: boolean;
  /** Cost: operations per run must not exceed this. */
  maxOperations?: number;
  /** Cost: credits per month under a stated schedule must not exceed this. */
  maxCreditsPerMonth?: { credits: number; every?: string; runsPerMonth?: number; webhooksPerDay?: number };
}

export interface TestCase {
  name: string;
  /** Trigger output: object = one bundle, array = several (instant triggers: one event each). */
  input?: unknown;
  /** Share of real traffic this case stands for, for `makesim cost --test` (docs/cost.md). */
  weight?: number;
  /** Webhook request(s) instead of `input`: each one is converted as Make's gateway does. */
  request?: RequestInput | RequestInput[];
  mocks?: Mocks;
  /** Stateful app fakes by fake name (`google-sheets`, `email`, `slack`, `generic`) → seed. */
  fakes?: Record<string, unknown>;
  dataStores?: DataStoreContents;
  http?: HttpMock[];
  settings?: CaseSettings;
  expect?: Expectations;
}

export interface TestFile {
  /** Path of the blueprint, relative to the test file. */
  blueprint: string;
  settings?: CaseSettings;
  /** Shared by all cases; a case's own mocks win per key. */
  mocks?: Mocks;
  cases: TestCase[];
}

/** A test file as loaded: its path, and its blueprint path resolved. */
export interface LoadedTestFile extends TestFile {
  path: string;
  blueprintPath: string;
}

export interface Failure {
  /** Where: `status`, `modules.4.outputs[0].name`, `assert[1]`, … */
  path: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
  /** Module id and label when the failure is about one module (run-level: where the run ended). */
  module?: { id: number; label?: string };
  /** Why: filters with their compared values, routes and branches taken, where paths ended. */
  explanation?: string[];
}

export interface CaseResult {
  file: string;
  blueprint: string;
  name: string;
  passed: boolean;
  failures: Failure[];
  durationMs: number;
  operations: number | null;
  status: string | null;
  /** The case's execution record (with its path trace), for the JSON report; absent when nothing ran. */
  record?: ExecutionRecord;
}
