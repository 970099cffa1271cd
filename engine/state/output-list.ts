/**
 * One module's `outputs` for the full record: the bundles themselves (shared with the walk,
 * never copied) and, for a module that made its bundles one at a time (ModuleDefinition.stream,
 * an iterator), the maker instead of its bundles, which are made again when the record is read.
 * An iterator over 100,000 elements then keeps no bundle alive once the walk has passed it.
 */
import type { Bundle, LazyBundles, Outputs } from '../registry/define-module.ts';

/** Output bundle `index` of `outs`. */
export function outputAt(outs: Outputs, index: number): Bundle | undefined {
  return Array.isArray(outs) ? (outs as readonly Bundle[])[index] : (outs as LazyBundles).at(index);
}

export class OutputList {
  /** Runs of bundles kept as they are, and lazy outputs, in output order. */
  readonly #parts: Array<Bundle[] | LazyBundles> = [];
  /** The last part when it is a list: where `push` adds. */
  #open: Bundle[] | null = null;
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(bundle: Bundle): void {
    if (this.#open === null) {
      this.#open = [];
      this.#parts.push(this.#open);
    }
    this.#open.push(bundle);
    this.#length++;
  }

  add(outs: Outputs): void {
    if (Array.isArray(outs)) {
      for (let i = 0; i < outs.length; i++) this.push(outs[i] as Bundle);
      return;
    }
    const lazy = outs as LazyBundles;
    if (lazy.length === 0) return;
    this.#parts.push(lazy);
    this.#open = null;
    this.#length += lazy.length;
  }

  /** The bundles in order; lazy ones made now. */
  materialize(): Bundle[] {
    const parts = this.#parts;
    if (parts.length === 1 && Array.isArray(parts[0])) return parts[0] as Bundle[];
    const out: Bundle[] = [];
    for (const part of parts) {
      if (Array.isArray(part)) for (const bundle of part) out.push(bundle);
      else for (let i = 0; i < part.length; i++) out.push(part.at(i));
    }
    return out;
  }
}
