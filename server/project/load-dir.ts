/**
 * `makesim serve [dir]`: every `*.blueprint.json` in `dir` and every scenario of the config's
 * `scenarios` section becomes a served scenario — same id across restarts (the config's Make id,
 * else the one stored for that file), hook udid from the config's `hookId` and hook options from
 * its `hook` when given, scheduling from the config or a `<name>.scheduling.json` sidecar. New
 * files start active; edits reload.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { HookOptionsConfig, ProjectConfig } from '../../config/types.ts';
import type { ServerServices } from '../services.ts';
import type { Scheduling, StoredScenario } from '../store/scenarios.ts';
import { createScenario, type ScenarioAdminServices, setActive, updateScenario } from './admin.ts';
import { hookDataOf, type Loaded } from './hook-options.ts';

export interface LoadedEntry {
  source: string;
  scenario?: StoredScenario;
  /**
   * Why the file could not be served (bad JSON, config `hook` options that do not fit it);
   * blueprint problems show via the catalog.
   */
  problem?: string;
}

interface FileEntry {
  source: string;
  id?: number;
  udid?: string;
  scheduling?: Scheduling;
  /** The config's `hook` options, and the JSON pointer of that `hook` for problems. */
  hook?: { options: HookOptionsConfig; pointer: string };
}

export function blueprintFiles(dir: string, config: ProjectConfig): FileEntry[] {
  const entries = new Map<string, FileEntry>();
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.blueprint.json')) entries.set(resolve(dir, name), { source: resolve(dir, name) });
    }
  }
  for (const [id, scenario] of Object.entries(config.scenarios)) {
    const source = resolve(config.root, scenario.blueprint);
    entries.set(source, {
      source,
      ...(/^\d+$/.test(id) ? { id: Number(id) } : {}),
      ...(scenario.hookId ? { udid: scenario.hookId } : {}),
      ...(scenario.hook ? { hook: { options: scenario.hook, pointer: `/scenarios/${id}/hook` } } : {}),
      ...(scenario.scheduling ? { scheduling: scenario.scheduling as Scheduling } : {}),
    });
  }
  return [...entries.values()];
}

/** What loading a blueprint directory uses: scenario changes, and the config's data structures. */
type LoadServices = ScenarioAdminServices & Pick<ServerServices, 'dataStructures'>;

/**
 * Syncs the served scenarios with the files. Each changed blueprint is prepared before it is
 * written, letting the event loop run (a large one takes seconds), and every other scenario is
 * warmed the same way, so none is prepared synchronously on its first webhook.
 */
export async function loadDirectory(
  services: LoadServices,
  dir: string,
  config: ProjectConfig,
): Promise<LoadedEntry[]> {
  const files = blueprintFiles(dir, config);
  const entries: LoadedEntry[] = [];
  for (const entry of files) entries.push(await syncFile(services, entry, config));
  // A blueprint file that is gone stops its scenario (history and queue are kept).
  const present = new Set(files.map((entry) => entry.source));
  for (const scenario of services.scenarios.list()) {
    if (scenario.source && scenario.isActive && !present.has(scenario.source))
      setActive(services, scenario.id, false);
  }
  for (const scenario of services.scenarios.list()) await services.catalog.warm(scenario.id);
  return entries;
}

async function syncFile(
  services: LoadServices,
  entry: FileEntry,
  config: ProjectConfig,
): Promise<LoadedEntry> {
  const read = readBlueprint(entry.source);
  if ('problem' in read) return { source: entry.source, problem: read.problem };
  const blueprint = read.ok;
  const hookData = entry.hook ? hookDataOf(services, config, entry.hook, blueprint) : undefined;
  if (hookData && 'problem' in hookData) return { source: entry.source, problem: hookData.problem };
  const hookRequest = {
    ...(entry.udid ? { udid: entry.udid } : {}),
    ...(hookData ? { hookData: hookData.ok } : {}),
  };
  const scheduling = entry.scheduling ?? sidecarScheduling(entry.source);
  const existing =
    services.scenarios.bySource(entry.source) ?? (entry.id ? services.scenarios.get(entry.id) : undefined);
  if (!existing) {
    const scenario = createScenario(services, {
      ...(entry.id === undefined ? {} : { id: entry.id }),
      source: entry.source,
      blueprint,
      ...(scheduling ? { scheduling } : {}),
      ...hookRequest,
      isActive: true,
      preparation: await services.catalog.prepare(blueprint, entry.source),
    });
    return { source: entry.source, scenario };
  }
  const changed =
    JSON.stringify(existing.blueprint) !== JSON.stringify(blueprint) ||
    (scheduling !== undefined && JSON.stringify(existing.scheduling) !== JSON.stringify(scheduling));
  // The config's udid and hook options win at every reload, even when the blueprint is unchanged.
  if (!changed && Object.keys(hookRequest).length === 0) return { source: entry.source, scenario: existing };
  const patch = { ...(changed ? { blueprint, ...(scheduling ? { scheduling } : {}) } : {}), ...hookRequest };
  // In arrival order with API updates of the same scenario (edit-order.ts).
  const scenario = await services.catalog.edits.run(
    existing.id,
    async () => (changed ? await services.catalog.prepare(blueprint, entry.source) : undefined),
    (preparation) =>
      updateScenario(services, existing.id, { ...patch, ...(preparation ? { preparation } : {}) }),
  );
  return { source: entry.source, ...(scenario ? { scenario } : {}) };
}

function readBlueprint(source: string): Loaded<Record<string, unknown>> {
  try {
    const parsed = JSON.parse(readFileSync(source, 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return { problem: 'the file is not a JSON object' };
    return { ok: parsed as Record<string, unknown> };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** `orders.blueprint.json` → `orders.scheduling.json` beside it. */
function sidecarScheduling(source: string): Scheduling | undefined {
  const file = join(source, '..', `${basename(source).replace(/\.blueprint\.json$/, '')}.scheduling.json`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Scheduling;
  } catch {
    return undefined;
  }
}
