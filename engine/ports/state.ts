/**
 * State a scenario keeps between executions (the Increment function's counter, a polling
 * trigger's position). In-memory for tests; the server backs it with SQLite.
 */
export interface ScenarioState {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function memoryState(): ScenarioState {
  const values = new Map<string, unknown>();
  return { get: (key) => values.get(key), set: (key, value) => void values.set(key, value) };
}
