/**
 * `makesim serve [dir]`: every `*.blueprint.json` in `dir` and every scenario of the config's
 * `scenarios` section becomes a served scenario — same id across restarts (the config's Make id,
 * else the one stored for that file), hook udid from the config's `hookId` when given, scheduling
 * from the config or a `<name>.scheduling.json` sidecar. New files start active; edits reload.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ProjectConfig } from '../../config/types.ts';
import type { ServerServices } from '../services.ts';
import type { Scheduling, StoredScenario } from '../store/scenarios.ts';
import { createScenario, setActive, updateScenario } from './admin.ts';

export interface LoadedEntry {
  source: string;
  scenario?: StoredScenario;
  /** Why the file could not be served (bad JSON); blueprint problems show via the catalog. */
  problem?: string;
}

interface FileEntry {
  source: string;
  id?: number;
  udid?: string;
  scheduling?: Scheduling;
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
      ...(scenario.scheduling ? { scheduling: scenario.scheduling as Scheduling } : {}),
    });
  }
  return [...entries.values()];
}

export function loadDirectory(services: ServerServices, dir: string, config: ProjectConfig): LoadedEntry[] {
  const files = blueprintFiles(dir, config);
  const entries = files.map((entry) => syncFile(services, entry));
  // A blueprint file that is gone stops its scenario (history and queue are kept).
  const present = new Set(files.map((entry) => entry.source));
  for (const scenario of services.scenarios.list()) {
    if (scenario.source && scenario.isActive && !present.has(scenario.source))
      setActive(services, scenario.id, false);
  }
  return entries;
}

function syncFile(services: ServerServices, entry: FileEntry): LoadedEntry {
  let blueprint: Record<string, unknown>;
  try {
    const parsed = JSON.parse(readFileSync(entry.source, 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('the file is not a JSON object');
    blueprint = parsed as Record<string, unknown>;
  } catch (error) {
    return { source: entry.source, problem: error instanceof Error ? error.message : String(error) };
  }
  const scheduling = entry.scheduling ?? sidecarScheduling(entry.source);
  const existing =
    services.scenarios.bySource(entry.source) ?? (entry.id ? services.scenarios.get(entry.id) : undefined);
  if (!existing) {
    const scenario = createScenario(services, {
      ...(entry.id === undefined ? {} : { id: entry.id }),
      source: entry.source,
      blueprint,
      ...(scheduling ? { scheduling } : {}),
      ...(entry.udid ? { udid: entry.udid } : {}),
      isActive: true,
    });
    return { source: entry.source, scenario };
  }
  const changed =
    JSON.stringify(existing.blueprint) !== JSON.stringify(blueprint) ||
    (scheduling !== undefined && JSON.stringify(existing.scheduling) !== JSON.stringify(scheduling));
  const scenario = changed
    ? updateScenario(services, existing.id, {
        blueprint,
        ...(scheduling ? { scheduling } : {}),
        ...(entry.udid ? { udid: entry.udid } : {}),
      })
    : entry.udid
      ? updateScenario(services, existing.id, { udid: entry.udid })
      : existing;
  return { source: entry.source, ...(scenario ? { scenario } : {}) };
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
