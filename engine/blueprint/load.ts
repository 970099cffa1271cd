/**
 * Loading a blueprint (DESIGN principle 1, "Load once"; Make's help: https://help.make.com/blueprints):
 * unwrap Make's API shapes, validate with the schema, build and compile every module, check scopes —
 * collecting every problem, never stopping at the first, never throwing anything but
 * BlueprintError.
 */
import { readFileSync } from 'node:fs';
import { BlueprintError, type BlueprintProblem } from '../errors/blueprint-error.ts';
import { parseJsonText } from '../errors/json-syntax.ts';
import type { ModuleRegistry } from '../registry/registry.ts';
import { type BuildState, buildFlow } from './build.ts';
import { nestingProblem } from './nesting.ts';
import { type PaceOptions, runPaced, runToEnd, type Steps } from './pace.ts';
import { ProblemList } from './problems.ts';
import type { Scenario } from './scenario.ts';
import { schemaProblems } from './schema.ts';
import { checkScopes } from './scope.ts';
import { isRecord, readSettings } from './settings.ts';
import { unwrapBlueprint } from './unwrap.ts';

export interface LoadOptions {
  registry: ModuleRegistry;
  /** Where the blueprint came from (a file path), for messages. */
  source?: string;
}

export interface Analysis {
  /** Present when there is no error-severity problem. */
  scenario?: Scenario;
  problems: BlueprintProblem[];
}

/** Loads and validates; throws BlueprintError carrying ALL problems when any is an error. */
export function loadScenario(blueprint: unknown, options: LoadOptions): Scenario {
  return scenarioOrThrow(analyseBlueprint(blueprint, options), options);
}

/**
 * loadScenario that lets the event loop run every few milliseconds (pace.ts): same steps, same
 * scenario, same problems — for a server that must keep answering while a large blueprint loads.
 */
export async function loadScenarioAsync(
  blueprint: unknown,
  options: LoadOptions & PaceOptions,
): Promise<Scenario> {
  return scenarioOrThrow(await analyseBlueprintAsync(blueprint, options), options);
}

/** Never throws: every finding is a problem. */
export function analyseBlueprint(blueprint: unknown, options: LoadOptions): Analysis {
  return withoutFailedScenario(analyseAll(blueprint, options));
}

/** analyseBlueprint, pausing for the event loop between slices of work (pace.ts). */
export async function analyseBlueprintAsync(
  blueprint: unknown,
  options: LoadOptions & PaceOptions,
): Promise<Analysis> {
  return withoutFailedScenario(await runPaced(analyseSteps(blueprint, options), options));
}

/** Like analyseBlueprint, but also returns the (partial) scenario when there are errors. */
export function analyseAll(blueprint: unknown, options: LoadOptions): Analysis {
  return runToEnd(analyseSteps(blueprint, options));
}

function scenarioOrThrow(analysis: Analysis, options: LoadOptions): Scenario {
  if (!analysis.scenario) throw new BlueprintError(analysis.problems, options.source);
  return analysis.scenario;
}

function withoutFailedScenario({ scenario, problems }: Analysis): Analysis {
  const failed = problems.some((p) => p.severity === 'error');
  return failed || !scenario ? { problems } : { scenario, problems };
}

/** The one implementation behind every loader above; `yield` marks where it may pause. */
function* analyseSteps(blueprint: unknown, options: LoadOptions): Steps<Analysis> {
  const problems = new ProblemList();
  try {
    const unwrapped = unwrapBlueprint(blueprint);
    problems.addAll(unwrapped.problems);
    if (unwrapped.problems.length > 0) return { problems: problems.items };
    const tooDeep = yield* nestingProblem(unwrapped.value);
    if (tooDeep) return { problems: [...problems.items, tooDeep] };
    yield;
    problems.addAll(schemaProblems(unwrapped.value));
    if (!isRecord(unwrapped.value)) return { problems: problems.items };
    yield;
    return { scenario: yield* build(unwrapped.value, options, problems), problems: problems.items };
  } catch (error) {
    // A bug of ours, not the user's blueprint: still a problem, never a stack trace.
    problems.error({
      code: 'internal',
      pointer: '',
      message: `makesim could not analyse this blueprint: ${error instanceof Error ? error.message : String(error)}`,
      hint: 'please report this with the blueprint attached',
    });
    return { problems: problems.items };
  }
}

/** Reads a blueprint file; bad JSON is a `json-syntax` BlueprintError with line and column. */
export function loadScenarioFile(path: string, options: LoadOptions): Scenario {
  const source = options.source ?? path;
  const parsed = readBlueprintFile(path);
  if (!parsed.ok) throw new BlueprintError([parsed.problem], source);
  return loadScenario(parsed.value, { ...options, source });
}

export type FileRead = { ok: true; value: unknown } | { ok: false; problem: BlueprintProblem };

export function readBlueprintFile(path: string): FileRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: fileProblem('json-syntax', `cannot read the file: ${reason}`, 'check the path'),
    };
  }
  const parsed = parseJsonText(text.replace(/^\uFEFF/, ''));
  if (parsed.ok) return { ok: true, value: parsed.value };
  return {
    ok: false,
    problem: fileProblem(
      'json-syntax',
      parsed.problem.message,
      'export the blueprint again from Make; the file is not valid JSON',
    ),
  };
}

function fileProblem(code: string, message: string, hint: string): BlueprintProblem {
  return { severity: 'error', code, pointer: '', message, hint };
}

function* build(raw: Record<string, unknown>, options: LoadOptions, problems: ProblemList): Steps<Scenario> {
  const metadata = isRecord(raw.metadata) ? raw.metadata : {};
  const state: BuildState = {
    registry: options.registry,
    problems,
    scenarioInstant: metadata.instant === true,
    modules: [],
    byId: new Map(),
    uses: new Map(),
    mergeUses: new Map(),
    outputs: new Map(),
  };
  const flow = yield* buildFlow(raw.flow, '/flow', { inErrorRoute: false, isMain: true }, state);
  yield* checkScopes(flow, state);
  return {
    name: typeof raw.name === 'string' ? raw.name : '',
    flow,
    settings: readSettings(metadata),
    instant: metadata.instant === true || flow[0]?.kind === 'instant-trigger',
    zone: typeof metadata.zone === 'string' ? metadata.zone : undefined,
    modules: state.modules,
    byId: state.byId,
    problems: problems.items.filter((p) => p.severity === 'warning'),
    blueprint: raw,
    source: options.source,
  };
}
