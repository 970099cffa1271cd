/**
 * `makesim test --init <blueprint>`: a starter test file that runs to the end without edits —
 * the trigger's input from its interface (or the scenario's `io.input_spec`), an answer for every
 * app module typed from its `metadata.interface`, an HTTP stub for every HTTP module, and the
 * data stores and connections the blueprint names for `makesim.config.json` (init-config.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { CONFIG_FILE_NAME, findConfigFile } from '../config/load-config.ts';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { interfaceOf } from '../engine/registry/interface-sample.ts';
import { type StarterConfig, starterConfig } from './init-config.ts';
import { applyConsumerHints } from './init-hints.ts';
import { isHttpModule, sampleHttpBody, starterHttpMocks } from './init-http.ts';
import { sampleBundle } from './init-samples.ts';
import type { TestCase, TestFile } from './types.ts';

/** Modules with a built-in definition that still reach outside the run: answered by a mock. */
const MOCKED_BUILTINS = new Set(['scenario-service:CallSubscenario']);

export interface Starter {
  file: TestFile;
  config: StarterConfig;
}

export function starterTestFile(scenario: Scenario, blueprintPath: string, testPath: string): Starter {
  const samples = moduleSamples(scenario);
  applyConsumerHints(scenario, samples);
  const trigger = scenario.flow[0];
  const testCase: TestCase = { name: 'runs with a typical input', ...triggerInput(scenario, samples) };
  const mocks: Record<string, { output: Record<string, unknown> }> = {};
  for (const node of scenario.modules) {
    if (node === trigger || isHttpModule(node)) continue;
    if (node.definition && !MOCKED_BUILTINS.has(node.key)) continue;
    mocks[String(node.id)] = { output: samples.get(node.id) ?? {} };
  }
  if (Object.keys(mocks).length > 0) testCase.mocks = mocks;
  const http = starterHttpMocks(scenario.modules, samples);
  if (http.length > 0) testCase.http = http;
  testCase.expect = { status: 'success' };
  return {
    file: {
      blueprint: relative(dirname(testPath), blueprintPath) || basename(blueprintPath),
      settings: { timezone: 'UTC', now: '2025-01-01T09:00:00.000Z' },
      cases: [testCase],
    },
    config: starterConfig(scenario.modules),
  };
}

/** A bundle per module the starter answers: app modules, the trigger, HTTP bodies. */
function moduleSamples(scenario: Scenario): Map<number, Record<string, unknown>> {
  const samples = new Map<number, Record<string, unknown>>();
  for (const node of scenario.modules) {
    if (isHttpModule(node)) samples.set(node.id, sampleHttpBody(node));
    else if (!node.definition || node === scenario.flow[0] || MOCKED_BUILTINS.has(node.key))
      samples.set(node.id, sampleBundle(interfaceOf(node.raw)));
  }
  return samples;
}

/** The trigger's output, or the scenario inputs of an on-demand scenario (`io.input_spec`). */
function triggerInput(scenario: Scenario, samples: Map<number, Record<string, unknown>>): Partial<TestCase> {
  const first = scenario.flow[0];
  const spec = (scenario.blueprint.io as { input_spec?: unknown } | undefined)?.input_spec;
  const inputs = Array.isArray(spec) && spec.length > 0 ? sampleBundle(spec) : undefined;
  const isTrigger = first?.kind === 'trigger' || first?.kind === 'instant-trigger';
  const out: Partial<TestCase> = {};
  if (first && isTrigger) out.input = samples.get(first.id) ?? {};
  else if (inputs) out.input = inputs;
  else out.input = {};
  if (inputs && isTrigger) out.settings = { vars: { input: inputs } };
  return out;
}

/** Path of the starter file: `<name>.test.json` beside the blueprint (`x.blueprint.json` → `x.test.json`). */
export function starterPath(blueprintPath: string): string {
  const name = basename(blueprintPath).replace(/(\.blueprint)?\.json$/, '');
  return join(dirname(blueprintPath), `${name}.test.json`);
}

export interface WrittenStarter {
  path: string;
  /** The config file written beside the blueprint (none existed), if any. */
  configPath?: string;
  /** Entries an existing config lacks, to add by hand (never edited in place). */
  missingConfig?: Partial<StarterConfig>;
}

/** Writes the starter file, and a config when there is none; refuses to overwrite a test file. */
export function writeStarter(scenario: Scenario, blueprintPath: string): WrittenStarter {
  const path = starterPath(blueprintPath);
  if (existsSync(path)) throw new Error(`${path} already exists; remove it or edit it instead`);
  const { file, config } = starterTestFile(scenario, blueprintPath, path);
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { flag: 'wx' });
  const needs = config.dataStores.length > 0 || Object.keys(config.connections).length > 0;
  if (!needs) return { path };
  const existing = findConfigFile(dirname(blueprintPath));
  if (existing === undefined) {
    const configPath = join(dirname(blueprintPath), CONFIG_FILE_NAME);
    writeFileSync(configPath, `${JSON.stringify(nonEmpty(config), null, 2)}\n`, { flag: 'wx' });
    return { path, configPath };
  }
  const missing = missingFrom(JSON.parse(readFileSync(existing, 'utf8')) as Partial<StarterConfig>, config);
  return missing ? { path, missingConfig: missing } : { path };
}

function nonEmpty(config: StarterConfig): Partial<StarterConfig> {
  return {
    ...(config.dataStores.length > 0 ? { dataStores: config.dataStores } : {}),
    ...(Object.keys(config.connections).length > 0 ? { connections: config.connections } : {}),
  };
}

function missingFrom(
  existing: Partial<StarterConfig>,
  wanted: StarterConfig,
): Partial<StarterConfig> | undefined {
  const ids = new Set((existing.dataStores ?? []).map((s) => s.makeId));
  const dataStores = wanted.dataStores.filter((s) => !ids.has(s.makeId));
  const connections = Object.fromEntries(
    Object.entries(wanted.connections).filter(([id]) => !Object.hasOwn(existing.connections ?? {}, id)),
  );
  const missing = nonEmpty({ dataStores, connections });
  return Object.keys(missing).length > 0 ? missing : undefined;
}
