/**
 * The library API for vitest users: `loadScenario` from a path, JSON text or object, and
 * `runScenario` with the same options as a test case, returning the execution record (with the
 * fakes' state after the run as `record.fakes`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { BlueprintError } from '../engine/errors/blueprint-error.ts';
import { parseJsonText } from '../engine/errors/json-syntax.ts';
import { loadScenario as loadWithRegistry } from '../engine/index.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import { defaultRegistry } from '../modules/index.ts';
import { type CaseInput, executeCase } from './execute-case.ts';
import type { CaseSettings } from './types.ts';

/** Where each library-loaded scenario came from, so its project config can be found. */
const origins = new WeakMap<Scenario, string>();

/** Loads a blueprint: a file path, blueprint JSON text, or an already parsed object. */
export function loadScenario(blueprint: string | object): Scenario {
  if (typeof blueprint !== 'string') return loadWithRegistry(blueprint, { registry: defaultRegistry });
  const text = blueprint.trimStart().startsWith('{') ? blueprint : undefined;
  const path = text === undefined ? resolve(blueprint) : undefined;
  const parsed = parseJsonText(text ?? readFileSync(path as string, 'utf8'));
  if (!parsed.ok) {
    throw new BlueprintError(
      [{ severity: 'error', code: 'json-syntax', pointer: '', message: parsed.problem.message }],
      path,
    );
  }
  const scenario = loadWithRegistry(parsed.value, {
    registry: defaultRegistry,
    ...(path ? { source: path } : {}),
  });
  if (path) origins.set(scenario, path);
  return scenario;
}

export interface ScenarioRunOptions extends CaseInput {
  settings?: CaseSettings;
  /** The blueprint's path, for finding makesim.config.json (default: where it was loaded from, else the cwd). */
  blueprintPath?: string;
  /** Keep the path trace in `record.trace` (docs/execution-record.md). */
  trace?: boolean;
}

/** Each fake's state by fake name, in its seed's shape (docs/testing.md "Fakes first"). */
export type FakesState = Record<string, Record<string, unknown>>;

/**
 * The execution record of a library run, plus `fakes`: the state of the run's fakes after it
 * (`{}` without fakes). `fakes` is not enumerable, so the record's JSON, snapshots and `toEqual`
 * comparisons keep the shape docs/execution-record.md describes.
 */
export type ScenarioRun = ExecutionRecord & { readonly fakes: FakesState };

/** Runs a scenario like a test case: simulated clock, in-memory data stores, no network. */
export async function runScenario(
  scenario: Scenario | string | object,
  options: ScenarioRunOptions = {},
): Promise<ScenarioRun> {
  const loaded = isScenario(scenario) ? scenario : loadScenario(scenario);
  const { blueprintPath, trace, ...input } = options;
  const where = blueprintPath ?? origins.get(loaded) ?? resolve('makesim.blueprint.json');
  return executeCase(
    loaded,
    input,
    { blueprintPath: where, identity: `${where}#${loaded.name}`, trace: trace ?? false },
    (e) => withFakes(e.record, e.fakeContents),
  );
}

/**
 * `fakes` is read on first access, then kept: a run's fakes live in memory (MemoryFakeState) as
 * long as the record does, and a caller that never looks at them does not pay for the snapshot.
 */
function withFakes(record: ExecutionRecord, contents: () => FakesState): ScenarioRun {
  let fakes: FakesState | undefined;
  const get = () => {
    fakes ??= contents();
    return fakes;
  };
  return Object.defineProperty(record, 'fakes', { get, enumerable: false }) as ScenarioRun;
}

function isScenario(value: unknown): value is Scenario {
  return (
    typeof value === 'object' && value !== null && 'byId' in value && 'flow' in value && 'settings' in value
  );
}
