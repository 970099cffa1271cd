/**
 * The project config beside each blueprint, read once per suite run (and per worker thread)
 * instead of once per case: reading it means finding the file, parsing and validating it, which
 * cost more than a small case's run (issue 14 §4). A config that cannot be read fails every case
 * that needs it with the same error, as reading it per case did. A new suite run (watch mode)
 * makes a new cache, so an edited config is read again.
 */
import { dirname } from 'node:path';
import { loadConfig } from '../config/load-config.ts';
import type { ProjectConfig } from '../config/types.ts';

type Loaded = { ok: true; config: ProjectConfig } | { ok: false; error: unknown };

export class ProjectConfigs {
  readonly #byDir = new Map<string, Loaded>();

  /** The config found from the blueprint's directory up; throws what loadConfig threw. */
  forBlueprint(blueprintPath: string): ProjectConfig {
    const dir = dirname(blueprintPath);
    let loaded = this.#byDir.get(dir);
    if (loaded === undefined) {
      try {
        loaded = { ok: true, config: loadConfig({ startDir: dir }) };
      } catch (error) {
        loaded = { ok: false, error };
      }
      this.#byDir.set(dir, loaded);
    }
    if (!loaded.ok) throw loaded.error;
    return loaded.config;
  }
}
