import type { ModuleDefinition } from './define-module.ts';

/** Module definitions by key. The engine receives one; modules/index.ts builds the default. */
export class ModuleRegistry {
  readonly #byKey = new Map<string, ModuleDefinition>();

  constructor(definitions: readonly ModuleDefinition[] = []) {
    for (const definition of definitions) this.add(definition);
  }

  add(definition: ModuleDefinition): void {
    if (this.#byKey.has(definition.key)) throw new Error(`module ${definition.key} is registered twice`);
    this.#byKey.set(definition.key, definition);
  }

  get(key: string): ModuleDefinition | undefined {
    return this.#byKey.get(key);
  }

  all(): ModuleDefinition[] {
    return [...this.#byKey.values()];
  }
}
