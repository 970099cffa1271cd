/**
 * The contract between the formula language (IML) and everything that evaluates formulas:
 * the loader compiles, the runtime evaluates with an EvalContext it builds per bundle.
 */

/** Values a scenario can read through `var.*` (Make's help: https://help.make.com/system-variables). */
export interface VariableScopes {
  scenario?: Record<string, unknown>;
  execution?: Record<string, unknown>;
  organization?: Record<string, unknown>;
  team?: Record<string, unknown>;
  /** Scenario inputs (`var.input.*`), for subscenarios and on-demand runs. */
  input?: Record<string, unknown>;
}

export interface EvalContext {
  /**
   * The output bundle of module `id` visible at this point of the path, or undefined.
   * In an error route the failed module's slot holds `{ error: { type, name, message, … } }`.
   */
  output(id: number): unknown;
  readonly vars: VariableScopes;
  /** Fixed for the whole execution (`now`, `timestamp`). */
  readonly now: Date;
  /** IANA zone for date functions: the organization's, default `UTC`. */
  readonly timezone: string;
  readonly executionId: string;
  random(): number;
  uuid(): string;
}

/** A compiled `{{…}}` template (or plain text). Compile once, evaluate per bundle. */
export interface CompiledTemplate {
  readonly source: string;
  /** False for plain text with no `{{…}}`: evaluate returns the text. */
  readonly isDynamic: boolean;
  /** Module ids referenced (`1.a` → 1), for the loader's upstream check. */
  readonly references: readonly number[];
  evaluate(ctx: EvalContext): unknown;
}

/**
 * A compiled mapper value: any JSON where every string is a template. Evaluating gives plain
 * values; fields whose template yields the `ignore` keyword are left out, `erase` gives null/[].
 */
export interface CompiledValue {
  readonly references: readonly number[];
  evaluate(ctx: EvalContext): unknown;
  /**
   * The fields that change per bundle (templates with `{{…}}`), in the order `evaluate` evaluates
   * them. With `assemble`, a record can keep a value as these fields' results alone
   * (engine/state/call-columns.ts) and rebuild it when read.
   */
  readonly leaves?: readonly ((ctx: EvalContext) => unknown)[];
  /** What `evaluate` gives when `leaves[k]` evaluated to `values[k]`: fresh objects and arrays each time. */
  assemble?(values: readonly unknown[]): unknown;
  /** Where each leaf sits in the value: what a module reading the leaves' values directly needs. */
  readonly shape?: MapperShape;
}

/**
 * The structure of a mapper value as written: a formula field (`{{…}}`) is leaf k of `leaves`,
 * anything else a constant; objects keep their keys in order, arrays their items. A leaf that
 * evaluates to undefined leaves its key out of an object and its item out of an array (value.ts).
 */
export type MapperShape =
  | { readonly leaf: number }
  | { readonly constant: unknown }
  | { readonly fields: ReadonlyMap<string, MapperShape> }
  | { readonly items: readonly MapperShape[] };

export interface FilterCondition {
  a: string;
  o: string;
  b?: string;
}

/** A filter as blueprints store it: an OR of AND groups. */
export interface RawFilter {
  name?: string;
  conditions: FilterCondition[][];
}

export interface CompiledFilter {
  readonly name: string | undefined;
  readonly references: readonly number[];
  test(ctx: EvalContext): boolean;
}
