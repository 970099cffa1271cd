/**
 * Scenario variables set by Set variable(s) and read by Get variable(s) (https://help.make.com/util):
 * "One cycle" (`roundtrip`) values reset between cycles, "One execution" values last the run.
 * Get reads anywhere once a Set ran earlier in time.
 */
import type { VariableStore } from '../registry/define-module.ts';

export class RunVariables implements VariableStore {
  readonly #cycle = new Map<string, unknown>();
  readonly #execution = new Map<string, unknown>();

  get(name: string): unknown {
    return this.#cycle.has(name) ? this.#cycle.get(name) : this.#execution.get(name);
  }

  set(name: string, value: unknown, scope: 'roundtrip' | 'execution'): void {
    if (scope === 'roundtrip') {
      this.#cycle.set(name, value);
      return;
    }
    // A later execution-scoped Set replaces an earlier one-cycle value of the same name.
    this.#cycle.delete(name);
    this.#execution.set(name, value);
  }

  /** Called between cycles. */
  resetCycle(): void {
    this.#cycle.clear();
  }
}
