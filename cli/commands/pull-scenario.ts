/**
 * `makesim pull`: fetches a scenario from a Make zone through Make's official SDK (@makehq/sdk):
 * its blueprint, the data stores it uses with their data structures (into makesim.config.json)
 * and records (as test seeds), and its unresolved incomplete executions — each one a test case
 * replaying the trigger bundle that failed, expected to succeed, so it fails until fixed.
 * `makesim serve` speaks the same API, so `--zone http://127.0.0.1:PORT` pulls from it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Make } from '@makehq/sdk';
import type { DataStoreConfig } from '../../config/types.ts';
import type { TestCase, TestFile } from '../../test-runner/types.ts';

export interface PullOptions {
  /** `eu1.make.com`, or `http://127.0.0.1:8080` for a local makesim serve. */
  zone: string;
  token: string;
  scenarioId: number;
  outDir: string;
}

export interface PullResult {
  blueprintPath: string;
  testPath: string;
  configPath?: string;
  /** Config entries an existing makesim.config.json lacks (never edited in place). */
  missingConfig?: { dataStores: DataStoreConfig[] };
  incomplete: number;
}

type Seeds = Record<string, Record<string, Record<string, unknown>>>;

export function clientFor(zone: string, token: string): Make {
  const match = /^(https?):\/\/(.+?)\/?$/.exec(zone.trim());
  const make = new Make(token, match ? (match[2] as string) : zone.trim(), { retry: { maxRetries: 0 } });
  // The SDK's public `protocol` option: http for a local server.
  if (match) make.protocol = match[1] as string;
  return make;
}

export async function pullScenario(options: PullOptions): Promise<PullResult> {
  const make = clientFor(options.zone, options.token);
  const scenario = await make.scenarios.get(options.scenarioId);
  const {
    scheduling: _scheduling,
    interface: iface,
    ...blueprint
  } = (await make.blueprints.get(options.scenarioId)) as unknown as Record<string, unknown> & {
    interface?: { input?: unknown[]; output?: unknown[] };
  };
  if ((iface?.input?.length ?? 0) > 0 || (iface?.output?.length ?? 0) > 0) blueprint.interface = iface;
  const { stores, seeds } = await pullDataStores(make, blueprint);
  const cases = await incompleteCases(make, options.scenarioId, blueprint, seeds);
  const name = slug(String(scenario.name ?? `scenario-${options.scenarioId}`));
  mkdirSync(options.outDir, { recursive: true });
  const blueprintPath = join(options.outDir, `${name}.blueprint.json`);
  const testPath = join(options.outDir, `${name}.test.json`);
  for (const path of [blueprintPath, testPath]) {
    if (existsSync(path)) throw new Error(`${path} already exists; pull into an empty directory (--out)`);
  }
  writeFileSync(blueprintPath, `${JSON.stringify(blueprint, null, 2)}\n`);
  const file: TestFile = {
    blueprint: `${name}.blueprint.json`,
    cases:
      cases.length > 0
        ? cases
        : [
            {
              name: 'runs with the pulled data store records',
              input: {},
              ...withSeeds(seeds),
              expect: { status: 'success' },
            },
          ],
  };
  writeFileSync(testPath, `${JSON.stringify(file, null, 2)}\n`);
  return { blueprintPath, testPath, ...writeConfig(options.outDir, stores), incomplete: cases.length };
}

function storeIds(value: unknown, out = new Set<number>()): Set<number> {
  if (Array.isArray(value)) for (const item of value) storeIds(item, out);
  else if (value && typeof value === 'object') {
    const node = value as { module?: unknown; parameters?: { datastore?: unknown } };
    if (
      typeof node.module === 'string' &&
      node.module.startsWith('datastore:') &&
      typeof node.parameters?.datastore === 'number'
    ) {
      out.add(node.parameters.datastore);
    }
    for (const child of Object.values(value)) storeIds(child, out);
  }
  return out;
}

async function pullDataStores(make: Make, blueprint: Record<string, unknown>) {
  const stores: DataStoreConfig[] = [];
  const seeds: Seeds = {};
  for (const id of storeIds(blueprint.flow)) {
    const store = await make.dataStores.get(id);
    const structureId = (store as { datastructureId?: number | null }).datastructureId;
    const structure =
      typeof structureId === 'number' ? await make.dataStructures.get(structureId) : undefined;
    stores.push({
      name: store.name,
      makeId: id,
      ...(structure?.spec
        ? { structure: { strict: structure.strict === true, fields: structure.spec as never } }
        : {}),
    });
    const records = await make.dataStores.records.list(id);
    seeds[store.name] = Object.fromEntries(records.map((r) => [r.key, r.data as Record<string, unknown>]));
  }
  return { stores, seeds };
}

function withSeeds(seeds: Seeds): Partial<TestCase> {
  return Object.keys(seeds).length > 0 ? { dataStores: seeds } : {};
}

/** Each unresolved incomplete execution: its trigger bundle replayed, expected to succeed. */
async function incompleteCases(
  make: Make,
  scenarioId: number,
  blueprint: Record<string, unknown>,
  seeds: Seeds,
): Promise<TestCase[]> {
  const triggerId = String((blueprint.flow as Array<{ id?: unknown }> | undefined)?.[0]?.id ?? 1);
  const cases: TestCase[] = [];
  for (const item of await make.incompleteExecutions.list(scenarioId)) {
    if (item.resolved) continue;
    const bundles = (await make.incompleteExecutions.bundle(item.id)) as Record<string, unknown>;
    cases.push({
      name: `incomplete execution ${item.id}${item.reason ? ` (${item.reason})` : ''}`,
      input: bundles[triggerId] ?? {},
      ...withSeeds(seeds),
      expect: { status: 'success' },
    });
  }
  return cases;
}

function writeConfig(
  dir: string,
  stores: DataStoreConfig[],
): Pick<PullResult, 'configPath' | 'missingConfig'> {
  if (stores.length === 0) return {};
  const configPath = join(dir, 'makesim.config.json');
  if (!existsSync(configPath)) {
    writeFileSync(configPath, `${JSON.stringify({ dataStores: stores }, null, 2)}\n`);
    return { configPath };
  }
  const existing = JSON.parse(readFileSync(configPath, 'utf8')) as { dataStores?: DataStoreConfig[] };
  const known = new Set((existing.dataStores ?? []).map((s) => s.makeId));
  const dataStores = stores.filter((s) => !known.has(s.makeId));
  return dataStores.length > 0 ? { missingConfig: { dataStores } } : {};
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'scenario'
  );
}
