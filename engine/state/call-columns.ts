/**
 * The calls of one module, stored column-wise (DESIGN "Execution record": `calls[i]` is
 * `{ input, output, error, cycle }`). A run over 100,000 bundles makes 100,000 calls per module;
 * one object and one output-array copy per call cost as much memory and collector time as the
 * run itself. Here a call's input is the values of its mapper's dynamic fields, one column per
 * field (input-columns.ts), rebuilt into the mapper's object when read (plus two integers when
 * its outputs are not the usual one bundle right after the previous call's); its output is a slice of the
 * module's `outputs` (the same bundle objects, never copies), errors are kept only for the calls
 * that failed, cycles as runs of equal values. `record.calls` is built from these columns the
 * first time it is read, after the run (recorder.ts).
 */
import type { CompiledValue, EvalContext } from '../expression/types.ts';
import type { Bundle } from '../registry/define-module.ts';
import { InputColumns } from './input-columns.ts';
import type { ModuleCallRecord, RecordedError } from './record.ts';

export class CallColumns {
  readonly #inputs: InputColumns;
  /**
   * Index in the module's `outputs` of each call's first output bundle, and its output count.
   * Null while every call had exactly one output, each right after the previous one (the common
   * case: no numbers stored at all); filled in at the first call that breaks the pattern.
   */
  #starts: number[] | null = null;
  #counts: number[] | null = null;
  /** The first call's start, for the uniform case. */
  #base = 0;
  /** Failed calls only, by call index. */
  #errors: Map<number, RecordedError> | null = null;
  /** Cycles as runs: calls from `#cycleFrom[k]` on ran in cycle `#cycleOf[k]`. */
  readonly #cycleFrom: number[] = [];
  readonly #cycleOf: number[] = [];
  #lastCycle = -1;

  constructor(mapper: CompiledValue | null) {
    this.#inputs = new InputColumns(mapper);
  }

  get length(): number {
    return this.#inputs.length;
  }

  /** Whether `add` will keep `input` as field values (it is the one `evaluate` just built). */
  isEvaluated(input: Record<string, unknown>): boolean {
    return this.#inputs.isEvaluated(input);
  }

  /** Every call's input, rebuilt (the same objects each time). */
  inputs(): Record<string, unknown>[] {
    return this.#inputs.materialize();
  }

  /** The module's input for the current bundle, its field values kept for the next `add`. */
  evaluate(ctx: EvalContext): Record<string, unknown> {
    return this.#inputs.evaluate(ctx);
  }

  /** The mapper's field values for the current bundle (InputColumns.evaluateFields). */
  evaluateFields(ctx: EvalContext): readonly unknown[] {
    return this.#inputs.evaluateFields(ctx);
  }

  add(
    input: Record<string, unknown>,
    start: number,
    count: number,
    error: RecordedError | null,
    cycle: number,
  ): void {
    const index = this.#inputs.length;
    this.#inputs.push(input);
    if (index === 0) this.#base = start;
    if (this.#starts !== null) {
      this.#starts.push(start);
      this.#counts?.push(count);
    } else if (count !== 1 || start !== this.#base + index) this.#spell(index, start, count);
    if (error) {
      this.#errors ??= new Map();
      this.#errors.set(index, error);
    }
    if (cycle !== this.#lastCycle) {
      this.#lastCycle = cycle;
      this.#cycleFrom.push(index);
      this.#cycleOf.push(cycle);
    }
  }

  /** Writes out the uniform calls before `index`, then this one. */
  #spell(index: number, start: number, count: number): void {
    const starts: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < index; i++) {
      starts.push(this.#base + i);
      counts.push(1);
    }
    starts.push(start);
    counts.push(count);
    this.#starts = starts;
    this.#counts = counts;
  }

  /** The calls as records; `outputs` is the module's output list the starts point into. */
  materialize(outputs: readonly Bundle[]): ModuleCallRecord[] {
    const calls: ModuleCallRecord[] = [];
    const inputs = this.inputs();
    let run = 0;
    for (let i = 0; i < inputs.length; i++) {
      while (run + 1 < this.#cycleFrom.length && (this.#cycleFrom[run + 1] as number) <= i) run++;
      const start = this.#starts ? (this.#starts[i] as number) : this.#base + i;
      const count = this.#counts ? (this.#counts[i] as number) : 1;
      calls.push({
        input: inputs[i] as Record<string, unknown>,
        output: outputs.slice(start, start + count),
        error: this.#errors?.get(i) ?? null,
        cycle: this.#cycleOf[run] as number,
      });
    }
    return calls;
  }
}
