/**
 * The one place the test runner builds what a run needs: the project config found beside the
 * blueprint, through the same `createRunEnvironment` as `makesim run` and the server, but with
 * an in-memory database per case (reused once emptied: modules/datastore/memory-databases.ts) so
 * cases never share state.
 */
import { dirname } from 'node:path';
import { loadConfig } from '../config/load-config.ts';
import { createRunEnvironment, toHttpConnection } from '../config/run-environment.ts';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import type { VariableScopes } from '../engine/expression/types.ts';
import { loadScenarioFile } from '../engine/index.ts';
import type { DataStoreHandle, DataStorePort } from '../engine/ports/data-store.ts';
import type { HttpPort } from '../engine/ports/http.ts';
import type { ScenarioState } from '../engine/ports/state.ts';
import { memoryDatabases } from '../modules/datastore/memory-databases.ts';
import { connectionSecrets } from '../modules/http/redact.ts';
import { defaultRegistry } from '../modules/index.ts';
import { ProjectConfigs } from './project-configs.ts';
import type { CaseSettings } from './types.ts';

export function loadBlueprintForTests(path: string): Scenario {
  return loadScenarioFile(path, { registry: defaultRegistry });
}

/**
 * The credentials of the project config's connections beside this blueprint, which the JSON
 * report must not show (docs/serve.md "Secrets"); none when the config cannot be read (its
 * cases then report that themselves).
 */
export function projectSecrets(blueprintPath: string, configs = new ProjectConfigs()): string[] {
  try {
    const config = configs.forBlueprint(blueprintPath);
    const connections = Object.entries(config.connections).map(([id, c]) => [id, toHttpConnection(c)]);
    return connectionSecrets({ connections: Object.fromEntries(connections) });
  } catch {
    return [];
  }
}

export interface CaseEnvironment {
  readonly dataStores: DataStorePort;
  readonly http: HttpPort;
  readonly state: ScenarioState;
  readonly vars: VariableScopes;
  readonly timezone: string;
  seed(store: string, records: Record<string, Record<string, unknown>>): void;
  storeContents(store: string): Record<string, Record<string, unknown>> | undefined;
  close(): void;
}

export function createCaseEnvironment(options: {
  blueprintPath: string;
  settings: CaseSettings;
  /** The suite's configs, read once (project-configs.ts); without it the config is read now. */
  configs?: ProjectConfigs;
}): CaseEnvironment {
  const config =
    options.configs?.forBlueprint(options.blueprintPath) ??
    loadConfig({ startDir: dirname(options.blueprintPath) });
  // An empty database of the pool's: reused, never shared while a case holds it.
  const env = createRunEnvironment(config, { database: ':memory:', memory: memoryDatabases });
  const handle = (store: string): DataStoreHandle | undefined => {
    try {
      return env.dataStores.store(/^\d+$/.test(store) ? Number(store) : store);
    } catch {
      return undefined;
    }
  };
  return {
    dataStores: env.dataStores,
    http: env.http,
    state: env.state,
    vars: env.vars,
    timezone: options.settings.timezone ?? env.timezone,
    seed(store, records) {
      const target = handle(store);
      if (!target)
        throw new Error(
          `cannot seed data store "${store}": it is not in the project config (makesim.config.json)`,
        );
      for (const [key, data] of Object.entries(records)) target.put(key, data);
    },
    storeContents(store) {
      const target = handle(store);
      if (!target) return undefined;
      const out: Record<string, Record<string, unknown>> = {};
      for (const record of target.search({})) {
        Object.defineProperty(out, record.key, {
          value: record.data,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return out;
    },
    close: () => env.close(),
  };
}
