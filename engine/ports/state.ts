/**
 * State a scenario keeps between executions (the Increment function's counter, a polling
 * trigger's position). In-memory for tests; the server backs it with SQLite.
 */
export interface ScenarioState {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function memoryState(): ScenarioState {
  return new MemoryState();
}

class MemoryState implements ScenarioState {
  readonly #values = new Map<string, unknown>();

  get(key: string): unknown {
    return this.#values.get(key);
  }

  set(key: string, value: unknown): void {
    this.#values.set(key, value);
  }
}
