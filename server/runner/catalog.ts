/**
 * Prepared (loaded, compiled) scenarios by id, re-prepared when the stored blueprint changes.
 * A blueprint that does not load is remembered with its error so the API and the inspector can
 * show it; its queued items wait (nothing acknowledged is dropped).
 */
import type { ScenarioStore, StoredScenario } from '../store/scenarios.ts';
import type { PreparedScenario, ServerEngine } from './engine-port.ts';

type Entry = { edit: string; prepared: PreparedScenario } | { edit: string; error: string };

export class ScenarioCatalog {
  readonly #engine: ServerEngine;
  readonly #store: ScenarioStore;
  readonly #entries = new Map<number, Entry>();
  /**
   * The blueprint `check` last prepared, as JSON, with the result: the API creates or updates the
   * scenario with that blueprint right after, and preparing a 20,000-module blueprint holds the
   * event loop for seconds, so it is not prepared a second time (docs/serve.md).
   */
  #checked: { json: string; prepared: PreparedScenario } | undefined;

  constructor(engine: ServerEngine, store: ScenarioStore) {
    this.#engine = engine;
    this.#store = store;
  }

  /** The prepared scenario, or undefined when it is missing or its blueprint does not load. */
  prepared(id: number): PreparedScenario | undefined {
    const entry = this.#entry(id);
    return entry && 'prepared' in entry ? entry.prepared : undefined;
  }

  /** Why the scenario's blueprint does not load, if it does not. */
  problem(id: number): string | undefined {
    const entry = this.#entry(id);
    return entry && 'error' in entry ? entry.error : undefined;
  }

  /** Validates a blueprint without storing it (API create/update): the error text, or undefined. */
  check(blueprint: Record<string, unknown>): string | undefined {
    this.#checked = undefined;
    try {
      const prepared = this.#engine.prepare(blueprint);
      this.#checked = { json: JSON.stringify(blueprint), prepared };
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * A blueprint other than the scenario's stored one, prepared for one run — an incomplete
   * execution whose blueprint was edited (PATCH /dlqs/{id}); undefined when it does not load.
   */
  prepareOther(blueprint: Record<string, unknown>): PreparedScenario | undefined {
    try {
      return this.#engine.prepare(blueprint);
    } catch {
      return undefined;
    }
  }

  forget(id: number): void {
    this.#entries.delete(id);
  }

  #entry(id: number): Entry | undefined {
    const scenario = this.#store.get(id);
    if (!scenario) return undefined;
    const cached = this.#entries.get(id);
    if (cached && cached.edit === scenario.lastEdit) return cached;
    const entry = this.#prepare(scenario);
    this.#entries.set(id, entry);
    return entry;
  }

  #prepare(scenario: StoredScenario): Entry {
    const checked = this.#checked;
    this.#checked = undefined;
    // `check` prepares without a source, so only a scenario without one can reuse its result.
    if (checked && scenario.source === null && checked.json === JSON.stringify(scenario.blueprint))
      return { edit: scenario.lastEdit, prepared: checked.prepared };
    try {
      return {
        edit: scenario.lastEdit,
        prepared: this.#engine.prepare(scenario.blueprint, scenario.source ?? undefined),
      };
    } catch (error) {
      return { edit: scenario.lastEdit, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
