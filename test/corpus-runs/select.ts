/**
 * Which corpus blueprints can run offline with `makesim run`: every module key, at every depth
 * (flow, router routes, if-else branches, error routes — Make's help: https://help.make.com/blueprints,
 * https://help.make.com/throw), has a built-in definition. One exception: a first module that is an app
 * trigger still qualifies, because `--input` supplies a trigger's bundles whatever its app (DESIGN.md
 * "Trigger input").
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinModules } from '../../modules/index.ts';

/** repoRoot/../shared/corpus/blueprints (test data only; never copied into the repo). */
export const corpusDir = path.resolve(import.meta.dirname, '../../../shared/corpus/blueprints');

/** Where each qualifying blueprint's input, mocks and expectations live. */
export const casesDir = path.resolve(import.meta.dirname, 'cases');

export interface CorpusSelection {
  file: string;
  /** true when the trigger is an app module fed from --input rather than a built-in one. */
  appTrigger: boolean;
  /** Module keys that have no built-in definition (empty when the blueprint qualifies). */
  missing: string[];
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every module object of a flow, depth-first, including nested routes, branches and error routes. */
export function flowModules(flow: unknown): Json[] {
  if (!Array.isArray(flow)) return [];
  const found: Json[] = [];
  for (const node of flow) {
    if (!isRecord(node)) continue;
    found.push(node);
    if (Array.isArray(node.routes)) for (const route of node.routes) found.push(...nestedFlow(route));
    if (Array.isArray(node.branches)) for (const branch of node.branches) found.push(...nestedFlow(branch));
    found.push(...flowModules(node.onerror));
  }
  return found;
}

function nestedFlow(holder: unknown): Json[] {
  return isRecord(holder) ? flowModules(holder.flow) : [];
}

/** Decides for one parsed blueprint; `builtinKeys` is the registry's list of keys. */
export function classify(
  file: string,
  blueprint: unknown,
  builtinKeys: ReadonlySet<string>,
): CorpusSelection {
  const flow = isRecord(blueprint) ? blueprint.flow : undefined;
  const modules = flowModules(flow);
  const trigger = Array.isArray(flow) && isRecord(flow[0]) ? flow[0] : undefined;
  const unknownKeys = (node: Json) => typeof node.module !== 'string' || !builtinKeys.has(node.module);
  const appTrigger = trigger !== undefined && unknownKeys(trigger);
  const missing = new Set<string>();
  for (const node of modules) {
    if (node === trigger) continue;
    if (unknownKeys(node)) missing.add(String(node.module));
  }
  return { file, appTrigger, missing: [...missing].sort() };
}

export function corpusFiles(): string[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** Every corpus blueprint with its classification. */
export function classifyCorpus(): CorpusSelection[] {
  const keys = new Set(builtinModules.map((m) => m.key));
  return corpusFiles().map((file) =>
    classify(file, JSON.parse(readFileSync(path.join(corpusDir, file), 'utf8')), keys),
  );
}

/** The corpus blueprints that qualify for an offline run. */
export function qualifyingBlueprints(): CorpusSelection[] {
  return classifyCorpus().filter((c) => c.missing.length === 0);
}
