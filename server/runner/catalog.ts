/**
 * Prepared (loaded, compiled) scenarios by id, re-prepared when the stored blueprint changes.
 * A blueprint that does not load is remembered with its error so the API and the inspector can
 * show it; its queued items wait (nothing acknowledged is dropped).
 *
 * Whoever writes a blueprint (API create/update/clone, the served folder) prepares it first with
 * `prepare`, which lets the event loop run while it loads, and hands the result to `adopt`, so the
 * scenario is never prepared again synchronously (issue 15 §2, docs/serve.md).
 */
import type { ScenarioStore, StoredScenario } from '../store/scenarios.ts';
import { EditOrder } from './edit-order.ts';
import type { PreparedScenario, ServerEngine } from './engine-port.ts';

/** A blueprint prepared, or why it does not load (the loader's message). */
export type Preparation = { prepared: PreparedScenario } | { error: string };

type Entry = { edit: string } & Preparation;

export class ScenarioCatalog {
  readonly #engine: ServerEngine;
  readonly #store: ScenarioStore;
  readonly #entries = new Map<number, Entry>();
  /** Edits of one scenario are written in the order they arrived (edit-order.ts). */
  readonly edits = new EditOrder();

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

  /**
   * Prepares a blueprint without storing it, letting the event loop run meanwhile; `source` is the
   * file the scenario is served from, if any (the loader names it in messages, fakes are found by it).
   */
  async prepare(blueprint: Record<string, unknown>, source?: string): Promise<Preparation> {
    try {
      const engine = this.#engine;
      const prepared = engine.prepareAsync
        ? await engine.prepareAsync(blueprint, source)
        : engine.prepare(blueprint, source);
      return { prepared };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Keeps `preparation` for the scenario's stored blueprint: call it right after writing that blueprint. */
  adopt(id: number, preparation: Preparation): void {
    const scenario = this.#store.get(id);
    if (scenario) this.#entries.set(id, { edit: scenario.lastEdit, ...preparation });
  }

  /** The preparation kept for the scenario's stored blueprint, if any; never prepares. */
  cached(id: number): Preparation | undefined {
    const entry = this.#entries.get(id);
    if (!entry || entry.edit !== this.#store.get(id)?.lastEdit) return undefined;
    const { edit: _, ...preparation } = entry;
    return preparation;
  }

  /**
   * Prepares the stored blueprint ahead of its first use, letting the event loop run (start-up of
   * `makesim serve`): otherwise the first webhook would prepare it synchronously.
   */
  async warm(id: number): Promise<void> {
    const scenario = this.#store.get(id);
    if (!scenario || this.#entries.get(id)?.edit === scenario.lastEdit) return;
    const preparation = await this.prepare(scenario.blueprint, scenario.source ?? undefined);
    // An edit written meanwhile has been adopted already; this older result must not replace it.
    if (
      this.#store.get(id)?.lastEdit === scenario.lastEdit &&
      this.#entries.get(id)?.edit !== scenario.lastEdit
    )
      this.#entries.set(id, { edit: scenario.lastEdit, ...preparation });
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

  /** The synchronous fallback, for a scenario written without `adopt` (blocks the event loop). */
  #prepare(scenario: StoredScenario): Entry {
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
