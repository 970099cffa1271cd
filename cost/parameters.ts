/**
 * The model's free parameters, each resolved in one order: set on the command line (`--items`,
 * `--pass`), else measured by a run (calibration), else an assumption the report states.
 * Assumptions: a filter passes every bundle (the expensive case), an iterator / search / trigger
 * gives 1 bundle, a module never fails (docs/cost.md, docs/fidelity.md).
 */
import type { ModuleNode } from '../engine/blueprint/scenario.ts';
import { chargeFor } from '../engine/runtime/operations.ts';
import { type Calibration, type ModuleCounts, ratio } from './calibration.ts';
import type { Factor } from './term.ts';
import type { UsageOverrides } from './usage-billed.ts';

export interface ModelInputs {
  /** `--items id=n`: bundles per execution of module `id` (trigger, iterator, search, or any module). */
  items?: ReadonlyMap<string, number>;
  /** `--pass id=rate` for a module's filter; `--pass id.n=rate` for branch n (1-based) of If-else `id`. */
  pass?: ReadonlyMap<string, number>;
  usage?: UsageOverrides;
  calibration?: Calibration;
}

/** Default pass rate of a filter nobody measured or set: 1, so the estimate is an upper bound. */
export const ASSUMED_PASS_RATE = 1;
/** Default bundles per execution of a module nobody measured or set. */
export const ASSUMED_BUNDLES = 1;

export class Parameters {
  readonly #inputs: ModelInputs;

  constructor(inputs: ModelInputs) {
    this.#inputs = inputs;
  }

  counts(id: number): ModuleCounts | undefined {
    return this.#inputs.calibration?.modules.get(id);
  }

  /** Measured executions of `node` over all runs, if it was measured at all. */
  measuredExecutions(node: ModuleNode): number | undefined {
    const c = this.counts(node.id);
    return c ? executions(node, c) : undefined;
  }

  get calibration(): Calibration | undefined {
    return this.#inputs.calibration;
  }

  hasPass(key: string): boolean {
    return this.#inputs.pass?.has(key) === true;
  }

  /** Pass rate of the filter on the link into `node`. */
  pass(node: ModuleNode): Factor {
    const name = `pass(${node.id})`;
    const set = this.#inputs.pass?.get(String(node.id));
    if (set !== undefined) return { name, value: set, source: 'set' };
    const c = this.counts(node.id);
    const measured = c ? ratio(c.passed, c.passed + c.failed) : undefined;
    if (measured !== undefined) return { name, value: measured, source: 'measured' };
    return { name, value: ASSUMED_PASS_RATE, source: 'assumed' };
  }

  /** Condition pass rate of branch `n` (1-based) of an If-else, when set. */
  branchPass(node: ModuleNode, n: number): number | undefined {
    return this.#inputs.pass?.get(`${node.id}.${n}`);
  }

  /** Output bundles per execution. */
  bundles(node: ModuleNode, name: string): Factor {
    const set = this.#inputs.items?.get(String(node.id));
    if (set !== undefined) return { name, value: set, source: 'set' };
    const c = this.counts(node.id);
    const measured = c ? ratio(c.bundlesOut, executions(node, c)) : undefined;
    if (measured !== undefined) return { name, value: measured, source: 'measured' };
    const literal = literalRepeats(node);
    if (literal !== undefined) return { name, value: literal, source: 'blueprint' };
    return { name, value: ASSUMED_BUNDLES, source: 'assumed' };
  }

  /** Share of executions that fail (and enter the error route): measured, else 0. */
  errors(node: ModuleNode): Factor | undefined {
    const c = this.counts(node.id);
    const measured = c ? ratio(c.errors, executions(node, c)) : undefined;
    return measured ? { name: `errors(${node.id})`, value: measured, source: 'measured' } : undefined;
  }

  /** Cycles per run: measured, else 1 (Make's "Run once"). */
  cycles(): Factor | undefined {
    const c = this.calibration;
    if (!c || c.cycles === c.runs) return undefined;
    return { name: 'cycles', value: c.cycles / c.runs, source: 'measured' };
  }

  /** Measured share of `node`'s arrivals that took the route/branch at `pointer`. */
  pathRate(node: ModuleNode, entered: number): number | undefined {
    const c = this.counts(node.id);
    return c ? ratio(entered, c.bundlesIn) : undefined;
  }

  paths(pointer: string): number {
    return this.calibration?.paths[pointer] ?? 0;
  }
}

/**
 * A Repeater's `repeats` written as a number in the blueprint (`"10"` or 10) is what it outputs per
 * run (https://help.make.com/flow-control: the Repeater emits `repeats` bundles); a formula (`{{…}}`) is left
 * to measurement.
 */
export function literalRepeats(node: ModuleNode): number | undefined {
  if (node.key !== 'builtin:BasicRepeater') return undefined;
  const mapper = (node.raw as { mapper?: Record<string, unknown> }).mapper;
  const repeats = mapper?.repeats;
  const n =
    typeof repeats === 'number' ? repeats : typeof repeats === 'string' ? Number(repeats.trim()) : NaN;
  return typeof repeats === 'string' && repeats.trim() === ''
    ? undefined
    : Number.isInteger(n) && n >= 0
      ? n
      : undefined;
}

/**
 * Measured executions of a module: its charged operations (THE counting table says how many per
 * execution). A run stopped by the engine (a missing mock, a limit) charges the module but records
 * no call, so `bundlesIn` would undercount.
 */
function executions(node: ModuleNode, c: ModuleCounts): number {
  const perRun = chargeFor(node.kind, node.definition).operations;
  return perRun > 0 ? c.operations / perRun : c.bundlesIn;
}
