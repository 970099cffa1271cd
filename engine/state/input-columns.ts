/**
 * The inputs of one module's calls for the full record (call-columns.ts), kept as the values of
 * the mapper's dynamic fields, in one flat list, instead of one evaluated object graph per
 * call: a Set multiple variables mapper is four objects per bundle, of which only the two
 * variable values change. `calls[i].input` is rebuilt from row `i` when the record is read
 * (CompiledValue.assemble), equal to what the module was given.
 */
import type { CompiledValue, EvalContext } from '../expression/types.ts';
import { ChunkedValues } from './chunked-values.ts';

type Leaf = (ctx: EvalContext) => unknown;

/** A mapper that is not an object maps nothing: the module gets `{}` (as evaluate.ts does). */
export function asInput(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

const NO_LEAVES: readonly Leaf[] = [];

/**
 * The input of a call run on its mapper's field values (ModuleDefinition.runOnFields), never
 * built: given to `push` right after `evaluateFields`, it records those values.
 */
export const EVALUATED_FIELDS: Record<string, unknown> = Object.freeze({});

const EMPTY = () => ({});

export class InputColumns {
  readonly #mapper: CompiledValue | null;
  readonly #leaves: readonly Leaf[];
  readonly #assemble: ((values: readonly unknown[]) => unknown) | null;
  /**
   * The value of dynamic field k in call i at `i * fields + k`: one list for all fields, of
   * arrays whose element kind is "any value" from the start, so that one push site serves every
   * module (an array per field would be of numbers in one module, strings in another).
   */
  readonly #values = new ChunkedValues();
  /** Inputs not built by `evaluate` (a mapper that failed, an aggregation's `{ items }`), by call. */
  #others: Map<number, Record<string, unknown>> | null = null;
  #length = 0;
  /** The field values of the last `evaluate`, and the input built from them. */
  readonly #scratch: unknown[];
  #last: Record<string, unknown> | null = null;

  constructor(mapper: CompiledValue | null) {
    if (mapper === null) {
      this.#leaves = NO_LEAVES;
      this.#assemble = EMPTY;
    } else if (mapper.leaves && mapper.assemble) {
      this.#leaves = mapper.leaves;
      this.#assemble = mapper.assemble;
    } else {
      // A mapper that cannot be rebuilt from its fields: each input is kept whole.
      this.#leaves = NO_LEAVES;
      this.#assemble = null;
    }
    this.#scratch = new Array(this.#leaves.length).fill(undefined);
    this.#mapper = mapper;
  }

  get length(): number {
    return this.#length;
  }

  evaluate(ctx: EvalContext): Record<string, unknown> {
    this.#last = null;
    if (this.#assemble === null) return asInput(this.#mapper?.evaluate(ctx));
    const values = this.#scratch;
    const leaves = this.#leaves;
    for (let k = 0; k < leaves.length; k++) values[k] = (leaves[k] as Leaf)(ctx);
    const input = asInput(this.#assemble(values));
    this.#last = input;
    return input;
  }

  /** The values of the mapper's formula fields for the current bundle, for `push(EVALUATED_FIELDS)`. */
  evaluateFields(ctx: EvalContext): readonly unknown[] {
    this.#last = null;
    if (this.#assemble === null) throw new Error('internal: a mapper without fields run on its fields');
    const values = this.#scratch;
    const leaves = this.#leaves;
    for (let k = 0; k < leaves.length; k++) values[k] = (leaves[k] as Leaf)(ctx);
    this.#last = EVALUATED_FIELDS;
    return values;
  }

  /**
   * Records the input of the next call. The input `evaluate` just built is kept as its field
   * values; any other object (the identity test also guards against an evaluation of the same
   * module in between) is kept whole.
   */
  push(input: Record<string, unknown>): void {
    const index = this.#length++;
    const kept = this.#values;
    const fields = this.#scratch.length;
    if (input === this.#last) {
      const values = this.#scratch;
      for (let k = 0; k < fields; k++) kept.push(values[k]);
      this.#last = null;
      return;
    }
    for (let k = 0; k < fields; k++) kept.push(undefined);
    this.#others ??= new Map();
    this.#others.set(index, input);
  }

  /** Whether `input` is the one `evaluate` just built (so `push` keeps it as field values). */
  isEvaluated(input: Record<string, unknown>): boolean {
    return input === this.#last;
  }

  /**
   * Every call's input, rebuilt once (fresh objects, the field values themselves shared): the
   * calls and the outputs replayed from them (output-list.ts) share them.
   */
  materialize(): Record<string, unknown>[] {
    this.#materialized ??= this.#rebuild();
    return this.#materialized;
  }

  #materialized: Record<string, unknown>[] | null = null;

  #rebuild(): Record<string, unknown>[] {
    const inputs: Record<string, unknown>[] = [];
    const kept = this.#values;
    const fields = this.#scratch.length;
    const row: unknown[] = new Array(fields).fill(undefined);
    for (let i = 0; i < this.#length; i++) {
      const other = this.#others?.get(i);
      if (other !== undefined || this.#assemble === null) {
        inputs.push(other ?? {});
        continue;
      }
      for (let k = 0; k < fields; k++) row[k] = kept.at(i * fields + k);
      inputs.push(asInput(this.#assemble(row)));
    }
    return inputs;
  }
}
