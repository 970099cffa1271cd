/**
 * The EvalContext of the bundle being walked. Module outputs live in one mutable slot array
 * indexed by module id; the walk sets a slot before going deeper and restores it on the way
 * back (depth-first, Make's help: https://help.make.com/scenario-execution-flow), so no per-bundle copies are
 * made.
 */
import { randomUUID } from 'node:crypto';
import type { EvalContext, VariableScopes } from '../expression/types.ts';

export interface RunContextInit {
  vars: VariableScopes;
  now: Date;
  timezone: string;
  executionId: string;
  random: (() => number) | undefined;
  maxId: number;
}

export class RunContext implements EvalContext {
  readonly vars: VariableScopes;
  readonly now: Date;
  readonly timezone: string;
  readonly executionId: string;
  /** `slots[id]` = the output bundle of module `id` visible on the current path. */
  readonly slots: unknown[];
  readonly #random: () => number;
  readonly #seeded: boolean;

  constructor(init: RunContextInit) {
    this.vars = init.vars;
    this.now = init.now;
    this.timezone = init.timezone;
    this.executionId = init.executionId;
    this.slots = new Array<unknown>(init.maxId + 1).fill(undefined);
    this.#random = init.random ?? Math.random;
    this.#seeded = init.random !== undefined;
  }

  output(id: number): unknown {
    return this.slots[id];
  }

  random(): number {
    return this.#random();
  }

  /** With a seeded `random`, uuids are deterministic too (tests). */
  uuid(): string {
    if (!this.#seeded) return randomUUID();
    const hex = Array.from({ length: 32 }, () => Math.floor(this.#random() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** Sets a slot and returns what it held, for the caller to restore. */
  enter(id: number, bundle: unknown): unknown {
    const previous = this.slots[id];
    this.slots[id] = bundle;
    return previous;
  }

  restore(id: number, previous: unknown): void {
    this.slots[id] = previous;
  }
}
