/**
 * Iterator (`builtin:BasicFeeder`) and Repeater (`builtin:BasicRepeater`) — https://help.make.com/iterator,
 * https://help.make.com/flow-control; Make's help: https://help.make.com/iterator;
 * https://github.com/integromat/imt-proto `src/feeder.ts`. A non-array is wrapped as a one-element
 * array; object elements expose their fields, primitives are exposed as `value`; each bundle
 * carries its 1-based `__IMTINDEX__` and the total `__IMTLENGTH__`.
 */
import { type PlainObjectMaker, plainObjectMaker } from '../expression/plain-object.ts';
import type { Bundle, LazyBundles } from '../registry/define-module.ts';

export function feed(value: unknown, node?: object): Bundle[] {
  const fed = feedLazily(value, node);
  // push, not `new Array(length)`: V8 keeps a large preallocated array in slow dictionary mode.
  const out: Bundle[] = [];
  for (let i = 0; i < fed.length; i++) out.push(fed.at(i));
  return out;
}

/**
 * The same bundles as `feed`, each made when the walk reaches it (ModuleDefinition.stream).
 * `node`: the iterator the bundles are made for, whose operations share a bundle maker.
 */
export function feedLazily(value: unknown, node?: object): LazyBundles {
  const shape = node === undefined ? new BundleShape() : shapeOf(node);
  if (value === undefined || value === null) return new Fed([], shape);
  return new Fed(Array.isArray(value) ? value : [value], shape);
}

/**
 * The bundles of one iterator: made by one maker, as its operations' bundles share a shape
 * (expression/plain-object.ts), and the first bundle of its latest operation. That one is kept
 * because V8 holds a hidden class only through instances: with none alive, a full collection
 * between two runs drops it, and with it the walk's code optimized for these bundles
 * (runtime/run-scenario.ts `latest`).
 */
class BundleShape {
  readonly Fields: PlainObjectMaker = plainObjectMaker();
  first: Bundle | null = null;
}

const shapes = new WeakMap<object, BundleShape>();

function shapeOf(node: object): BundleShape {
  let shape = shapes.get(node);
  if (shape === undefined) {
    shape = new BundleShape();
    shapes.set(node, shape);
  }
  return shape;
}

class Fed implements LazyBundles {
  readonly #items: readonly unknown[];
  readonly #shape: BundleShape;
  readonly #Fields: PlainObjectMaker;
  readonly length: number;

  constructor(items: readonly unknown[], shape: BundleShape) {
    this.#items = items;
    this.#shape = shape;
    this.#Fields = shape.Fields;
    this.length = items.length;
  }

  at(index: number): Bundle {
    const item: unknown = this.#items[index];
    const bundle: Bundle = isFields(item) ? copyOwn(item, this.#Fields) : { value: item };
    bundle.__IMTINDEX__ = index + 1;
    bundle.__IMTLENGTH__ = this.length;
    if (index === 0) this.#shape.first = bundle;
    return bundle;
  }
}

function isFields(item: unknown): item is Bundle {
  return item !== null && typeof item === 'object' && !Array.isArray(item);
}

/**
 * A shallow copy of an element's own fields. A for-in copy, because object spread plus added
 * keys is several times slower in V8 on 100k-element arrays (bench/engine.bench.ts W2); into an
 * object sized to the fields (expression/plain-object.ts), as the record keeps every bundle.
 */
function copyOwn(source: Bundle, Fields: PlainObjectMaker): Bundle {
  const copy: Bundle = new Fields();
  // Object.prototype has no enumerable keys: for-in over a plain object lists only its own.
  const proto = Object.getPrototypeOf(source);
  const plain = proto === Object.prototype || proto === null;
  for (const key in source) {
    if (!plain && !Object.hasOwn(source, key)) continue;
    // A JSON key "__proto__" must stay a plain field, never set the prototype.
    if (key === '__proto__') {
      Object.defineProperty(copy, key, {
        value: source[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else copy[key] = source[key];
  }
  return copy;
}

/** Repeater: `repeats` bundles `{ i }`, i = start, start + step, … (Make caps repeats at 10,000). */
export const MAX_REPEATS = 10_000;

export function repeat(start: number, repeats: number, step: number): Bundle[] {
  const count = Math.max(0, Math.min(MAX_REPEATS, Math.floor(repeats)));
  const out: Bundle[] = [];
  for (let n = 0; n < count; n++) out.push({ i: start + n * step });
  return out;
}
