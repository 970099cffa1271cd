/**
 * One module's `outputs` for the full record: the bundles themselves (shared with the walk,
 * never copied); for a module that made its bundles one at a time (ModuleDefinition.stream,
 * an iterator), the maker instead of its bundles, which are made again when the record is read;
 * for a module whose outputs can be computed again from its input (ModuleDefinition.replay),
 * only the call's position, its input being kept anyway (input-columns.ts). A 100,000-bundle
 * run then keeps no bundle of these modules alive once the walk has passed it.
 */
import type { Bundle, LazyBundles, Outputs } from '../registry/define-module.ts';
import { ChunkedValues } from './chunked-values.ts';

/** Output bundle `index` of `outs`. */
export function outputAt(outs: Outputs, index: number): Bundle | undefined {
  return Array.isArray(outs) ? (outs as readonly Bundle[])[index] : (outs as LazyBundles).at(index);
}

/** Bundles kept as they are, in arrays of 4,096 (chunked-values.ts: a large array costs the collector). */
class Kept {
  readonly bundles = new ChunkedValues();
  count = 0;
}

/** The outputs of calls `first` to `first + calls - 1`, to be replayed from their inputs. */
class Replayed {
  readonly first: number;
  calls = 1;
  /** Bundles in all, to keep the list's length. */
  bundles: number;

  constructor(first: number, bundles: number) {
    this.first = first;
    this.bundles = bundles;
  }
}

/** Call `index`'s outputs computed again (ModuleDefinition.replay). */
export type Replay = (call: number) => readonly Bundle[];

export class OutputList {
  /** Runs of bundles kept as they are, lazy outputs and replayed calls, in output order. */
  readonly #parts: Array<Kept | LazyBundles | Replayed> = [];
  /** The last part when it is kept bundles: where `push` adds. */
  #open: Kept | null = null;
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(bundle: Bundle): void {
    let open = this.#open;
    if (open === null) {
      open = new Kept();
      this.#open = open;
      this.#parts.push(open);
      this.#replaying = null;
    }
    open.bundles.push(bundle);
    open.count++;
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
    this.#replaying = null;
    this.#length += lazy.length;
  }

  /** Call `call`'s `count` output bundles, to be rebuilt from its input when read. */
  addReplayed(call: number, count: number): void {
    this.#length += count;
    const last = this.#replaying;
    if (last !== null && last.first + last.calls === call) {
      last.calls++;
      last.bundles += count;
      return;
    }
    const part = new Replayed(call, count);
    this.#parts.push(part);
    this.#replaying = part;
    this.#open = null;
  }

  /** The last part when it is replayed calls: where `addReplayed` extends. */
  #replaying: Replayed | null = null;

  /** The bundles in order; lazy and replayed ones made now. */
  materialize(replay: Replay): Bundle[] {
    const out: Bundle[] = [];
    for (const part of this.#parts) {
      if (part instanceof Kept) {
        for (let i = 0; i < part.count; i++) out.push(part.bundles.at(i) as Bundle);
      } else if (part instanceof Replayed) {
        for (let c = part.first; c < part.first + part.calls; c++) for (const b of replay(c)) out.push(b);
      } else for (let i = 0; i < part.length; i++) out.push(part.at(i));
    }
    return out;
  }
}
