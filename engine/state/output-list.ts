/**
 * One module's `outputs` for the full record: the bundles themselves (shared with the walk,
 * never copied); for a module that made its bundles one at a time (ModuleDefinition.stream,
 * an iterator), the maker instead of its bundles, which are made again when the record is read;
 * for a module whose outputs can be computed again from its input (ModuleDefinition.replay),
 * only the call's position, its input being kept anyway (input-columns.ts). A 100,000-bundle
 * run then keeps no bundle of these modules alive once the walk has passed it.
 */
import type { Bundle, LazyBundles, Outputs } from '../registry/define-module.ts';

/** Output bundle `index` of `outs`. */
export function outputAt(outs: Outputs, index: number): Bundle | undefined {
  return Array.isArray(outs) ? (outs as readonly Bundle[])[index] : (outs as LazyBundles).at(index);
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
  readonly #parts: Array<Bundle[] | LazyBundles | Replayed> = [];
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
      this.#replaying = null;
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
    const parts = this.#parts;
    if (parts.length === 1 && Array.isArray(parts[0])) return parts[0] as Bundle[];
    const out: Bundle[] = [];
    for (const part of parts) {
      if (Array.isArray(part)) for (const bundle of part) out.push(bundle);
      else if (part instanceof Replayed) {
        for (let c = part.first; c < part.first + part.calls; c++) for (const b of replay(c)) out.push(b);
      } else for (let i = 0; i < part.length; i++) out.push(part.at(i));
    }
    return out;
  }
}
