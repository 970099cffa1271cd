/**
 * The contract between the IML evaluator and the function catalogue (Make's help:
 * https://help.make.com/use-functions, appendix A). Each category file exports a `FunctionSpec[]`;
 * functions/index.ts merges them.
 */

/** What a function may read besides its arguments. */
export interface FunctionContext {
  /** IANA zone: the function's own argument wins, else this (organization zone, default UTC). */
  readonly timezone: string;
  /** The execution's fixed `now`. */
  readonly now: Date;
  random(): number;
  uuid(): string;
}

export interface FunctionSpec {
  /** Case-sensitive, as in Make's palette (`formatDate`, `parseNumber`). */
  name: string;
  minArgs: number;
  /** `Infinity` for variadic functions. */
  maxArgs: number;
  /**
   * Receives already-evaluated arguments (missing references arrive as undefined).
   * Throws a MakeError (usually DataError) for a value Make rejects; never a plain Error.
   */
  impl(args: unknown[], ctx: FunctionContext): unknown;
}
