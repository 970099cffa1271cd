/**
 * Finds, validates and normalises `makesim.config.json`: in the blueprint's directory or any parent,
 * or the file given with `--config`. No file = all defaults (UTC, no stores, loopback only).
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { parseJsonText } from '../engine/errors/json-syntax.ts';
import { isZone } from '../engine/expression/dates/zone.ts';
import { schemaValidator } from '../engine/json-schema/validator.ts';
import { ConfigError, type ConfigProblem } from './config-error.ts';
import { dataStructureProblems, hookIpProblems, hookStructureProblems } from './data-structures.ts';
import { configSchema } from './schema.ts';
import type { ProjectConfig } from './types.ts';

export const CONFIG_FILE_NAME = 'makesim.config.json';
export const DEFAULT_DATABASE = '.makesim/makesim.db';

const validate = schemaValidator(configSchema, { allErrors: true, strict: false, discriminator: true });

/** The nearest `makesim.config.json` at or above `startDir`, if any. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadConfigOptions {
  /** Where to start looking (the blueprint's directory, or the cwd). */
  startDir: string;
  /** An explicit file (`--config`); it must exist. */
  configPath?: string;
}

export function loadConfig(options: LoadConfigOptions): ProjectConfig {
  const file = options.configPath
    ? resolve(options.startDir, options.configPath)
    : findConfigFile(options.startDir);
  if (file === undefined) return parseConfig({}, { root: resolve(options.startDir) });
  if (!existsSync(file)) {
    throw new ConfigError(file, [
      { pointer: '', message: 'file not found', hint: 'check the --config path' },
    ]);
  }
  const parsed = parseJsonText(readFileSync(file, 'utf8'));
  if (!parsed.ok) {
    throw new ConfigError(file, [
      { pointer: '', message: parsed.problem.message, hint: 'fix the JSON syntax there' },
    ]);
  }
  return parseConfig(parsed.value, { root: dirname(file), file });
}

/** Validates a parsed config object and fills in defaults. */
export function parseConfig(raw: unknown, where: { root: string; file?: string }): ProjectConfig {
  const file = where.file ?? join(where.root, CONFIG_FILE_NAME);
  if (!validate(raw)) {
    throw new ConfigError(file, (validate.errors ?? []).map(toProblem));
  }
  const input = raw as Partial<Omit<ProjectConfig, 'root' | 'file'>>;
  const config: ProjectConfig = {
    root: where.root,
    file: where.file,
    timezone: input.timezone ?? 'UTC',
    variables: { organization: input.variables?.organization ?? {}, team: input.variables?.team ?? {} },
    dataStores: input.dataStores ?? [],
    dataStructures: input.dataStructures ?? [],
    connections: input.connections ?? {},
    scenarios: input.scenarios ?? {},
    network: { allow: input.network?.allow ?? false },
    server: input.server ?? {},
    cost: { usage: input.cost?.usage ?? {} },
    database: resolveDatabase(where.root, input.database),
  };
  const problems = semanticProblems(config);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return config;
}

function resolveDatabase(root: string, database: string | undefined): string {
  if (database === ':memory:') return database;
  const path = database ?? DEFAULT_DATABASE;
  return isAbsolute(path) ? path : join(root, path);
}

/**
 * What JSON Schema cannot say: a real IANA zone, unique store names and ids, known references,
 * readable hook IP allow-lists.
 */
function semanticProblems(config: ProjectConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  // Cached per name: luxon builds an Intl formatter on every check (~1 ms).
  if (!isZone(config.timezone)) {
    problems.push({
      pointer: '/timezone',
      message: `"${config.timezone}" is not an IANA time zone`,
      hint: 'use a name such as "Europe/Prague" or "UTC"',
    });
  }
  const names = new Set<string>();
  const ids = new Set<number>();
  config.dataStores.forEach((store, index) => {
    if (names.has(store.name)) {
      problems.push({
        pointer: `/dataStores/${index}/name`,
        message: `duplicate store name "${store.name}"`,
        hint: 'give each data store its own name',
      });
    }
    if (store.makeId !== undefined && ids.has(store.makeId)) {
      problems.push({
        pointer: `/dataStores/${index}/makeId`,
        message: `duplicate makeId ${store.makeId}`,
        hint: 'each Make data store id maps to one local store',
      });
    }
    names.add(store.name);
    if (store.makeId !== undefined) ids.add(store.makeId);
  });
  problems.push(...dataStructureProblems(config.dataStructures));
  problems.push(...hookStructureProblems(config.scenarios, config.dataStructures));
  problems.push(...hookIpProblems(config.scenarios));
  return problems;
}

function toProblem(error: ErrorObject): ConfigProblem {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return {
        pointer: `${error.instancePath}/${String(params.additionalProperty)}`,
        message: `unknown key "${String(params.additionalProperty)}"`,
        hint: 'remove it or check its spelling',
      };
    case 'required':
      return {
        pointer: `${error.instancePath}/${String(params.missingProperty)}`,
        message: `missing required key "${String(params.missingProperty)}"`,
        hint: 'add it',
      };
    case 'discriminator':
      return {
        pointer: `${error.instancePath}/type`,
        message: 'missing or unknown connection type',
        hint: 'set "type" to "basic", "apiKey" or "oauth"',
      };
    case 'enum':
      return {
        pointer: error.instancePath,
        message: error.message ?? 'not an allowed value',
        hint: `use one of ${JSON.stringify(params.allowedValues)}`,
      };
    default:
      return {
        pointer: error.instancePath,
        message: error.message ?? 'invalid',
        hint: 'see docs for makesim.config.json',
      };
  }
}
