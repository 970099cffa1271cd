/**
 * Mapper values (Make's help: https://help.make.com/mapping): any JSON in which every string is a template.
 * Fields whose template yields nothing (a missing reference or `ignore`) are left out, as Make
 * leaves unmapped fields out (https://developers.make.com/custom-apps-documentation/block-elements/iml);
 * `erase` gives null (keywords.ts).
 */
import { ExpressionError } from '../errors/expression-error.ts';
import { dataError } from '../errors/make-error.ts';
import { type PlainObjectMaker, plainObjectMaker, setOwn } from './plain-object.ts';
import { sortedIds } from './sorted-ids.ts';
import { compileTemplateWith, type TemplateOptions } from './template.ts';
import type { CompiledValue, EvalContext, MapperShape } from './types.ts';

type Eval = (ctx: EvalContext) => unknown;

interface Compiled {
  readonly evaluate: Eval;
  /** A leaf's index among the leaves; for a constant, NaN; undefined for an object or array. */
  readonly source?: number;
  /** A constant's value. */
  readonly value?: unknown;
  /** The same value as `evaluate` gives, from the values its dynamic fields (`Walk.leaves`) gave. */
  readonly assemble: Assemble;
  readonly shape: MapperShape;
}

type Assemble = (values: readonly unknown[]) => unknown;

export type ValueErrorSink = (pointer: string, error: ExpressionError) => void;

export function compileValueWith(
  raw: unknown,
  pointer: string,
  onError: ValueErrorSink,
  options: TemplateOptions = {},
): CompiledValue {
  const references = new Set<number>();
  const leaves: Eval[] = [];
  const compiled = compileAny(raw, pointer, { onError, options, references, leaves });
  return {
    references: sortedIds(references),
    evaluate: compiled.evaluate,
    leaves,
    assemble: compiled.assemble,
    shape: compiled.shape,
  };
}

interface Walk {
  readonly onError: ValueErrorSink;
  readonly options: TemplateOptions;
  readonly references: Set<number>;
  /** The dynamic fields met so far, in the order `evaluate` evaluates them. */
  readonly leaves: Eval[];
}

/** A field that evaluates to the same value every time. */
function constant(raw: unknown): Compiled {
  return {
    evaluate: () => raw,
    assemble: () => raw,
    source: Number.NaN,
    value: raw,
    shape: { constant: raw },
  };
}

/** A field evaluated per bundle: its value is the `values` entry of its position among the leaves. */
function leaf(evaluate: Eval, walk: Walk): Compiled {
  const index = walk.leaves.length;
  walk.leaves.push(evaluate);
  return { evaluate, assemble: (values) => values[index], source: index, shape: { leaf: index } };
}

function compileAny(raw: unknown, pointer: string, walk: Walk): Compiled {
  if (typeof raw === 'string') return compileString(raw, pointer, walk);
  if (Array.isArray(raw)) return compileArray(raw, pointer, walk);
  if (typeof raw === 'object' && raw !== null)
    return compileObject(raw as Record<string, unknown>, pointer, walk);
  return constant(raw);
}

/**
 * Make imports a blueprint without checking its formulas and fails the module when it maps a
 * broken one; so a field whose formula does not compile fails when it is evaluated.
 */
export function unusableFormula(error: ExpressionError): () => never {
  return () => {
    throw dataError(`Failed to map a field: ${error.message} in ${JSON.stringify(error.source)}`, {
      code: error.code,
      position: error.position,
    });
  };
}

function compileString(raw: string, pointer: string, walk: Walk): Compiled {
  try {
    const template = compileTemplateWith(raw, walk.options);
    for (const id of template.references) walk.references.add(id);
    if (!template.isDynamic) return constant(raw);
    // The template's own evaluator, not a closure around it: one call less per field per bundle.
    return leaf(template.evaluate, walk);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    walk.onError(pointer, error);
    return leaf(unusableFormula(error), walk);
  }
}

function compileArray(raw: readonly unknown[], pointer: string, walk: Walk): Compiled {
  const items = raw.map((item, i) => compileAny(item, `${pointer}/${i}`, walk));
  // Sized up front: an array grown by push from [] reserves 17 slots, and a run's record keeps
  // every evaluated mapper (engine/state/call-columns.ts).
  return {
    shape: { items: items.map((item) => item.shape) },
    evaluate: (ctx) => {
      const out: unknown[] = new Array(items.length);
      let length = 0;
      for (const item of items) {
        const value = item.evaluate(ctx);
        if (value !== undefined) out[length++] = value;
      }
      if (length < out.length) out.length = length;
      return out;
    },
    assemble: (values) => {
      const out: unknown[] = new Array(items.length);
      let length = 0;
      for (const item of items) {
        const value = item.assemble(values);
        if (value !== undefined) out[length++] = value;
      }
      if (length < out.length) out.length = length;
      return out;
    },
  };
}

function compileObject(raw: Record<string, unknown>, pointer: string, walk: Walk): Compiled {
  const keys = Object.keys(raw);
  const items = keys.map((key) => compileAny(raw[key], `${pointer}/${escapePointer(key)}`, walk));
  const Fields = plainObjectMaker();
  const protoKey = keys.indexOf('__proto__');
  return {
    shape: { fields: new Map(keys.map((key, i) => [key, (items[i] as Compiled).shape])) },
    evaluate: (ctx) => {
      const out = new Fields() as Record<string, unknown>;
      for (let i = 0; i < keys.length; i++) {
        const value = (items[i] as Compiled).evaluate(ctx);
        // `ignore`, or a whole-field reference to something missing, leaves the field out.
        if (value === undefined) continue;
        if (i === protoKey) setOwn(out, '__proto__', value);
        else out[keys[i] as string] = value;
      }
      return out;
    },
    assemble:
      flatAssemble(keys, items, Fields, protoKey) ??
      ((values) => {
        const out = new Fields() as Record<string, unknown>;
        for (let i = 0; i < keys.length; i++) {
          const value = (items[i] as Compiled).assemble(values);
          if (value === undefined) continue;
          if (i === protoKey) setOwn(out, '__proto__', value);
          else out[keys[i] as string] = value;
        }
        return out;
      }),
  };
}

/**
 * An object whose fields are all formulas or constants (`{ name: 'a', value: '{{1.x}}' }`, the
 * usual innermost mapper object) assembled by reading `values` directly, without a call per
 * field: this runs for every bundle of a full-record run.
 */
function flatAssemble(
  keys: readonly string[],
  items: readonly Compiled[],
  Fields: PlainObjectMaker,
  protoKey: number,
): Assemble | null {
  if (items.some((item) => item.source === undefined)) return null;
  const sources = items.map((item) => item.source as number);
  const fixed = items.map((item) => item.value);
  return (values) => {
    const out = new Fields() as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) {
      const source = sources[i] as number;
      const value = source >= 0 ? values[source] : fixed[i];
      if (value === undefined) continue;
      if (i === protoKey) setOwn(out, '__proto__', value);
      else out[keys[i] as string] = value;
    }
    return out;
  };
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
