/**
 * The aggregation buckets of one execution (the rule is in flow/aggregator.ts,
 * https://help.make.com/aggregator): while an operation of a feeder runs, each aggregator it feeds collects
 * the bundles reaching it in its open bucket; nested operations of the same feeder get fresh buckets and
 * restore the enclosing ones when they end.
 */
import type { ModuleNode } from '../blueprint/scenario.ts';
import { ChunkedValues } from './chunked-values.ts';
import type { Continuation } from './continuation.ts';
import { evaluateMapper } from './evaluate.ts';
import type { Execution } from './execution.ts';

export interface Bucket {
  readonly items: Record<string, unknown>[];
  /** Group-by values, parallel to `items`; null without group by. */
  readonly keys: unknown[] | null;
  readonly cont: Continuation | null;
}

/**
 * A bucket while its feeder operation runs: the items in 4,096-entry arrays (chunked-values.ts),
 * joined into one array when it closes — 100,000 pushes into one large array cost the collector.
 */
interface OpenBucket {
  readonly items: ChunkedValues;
  readonly keys: unknown[] | null;
  readonly cont: Continuation | null;
}

export class Aggregation {
  /** The open bucket of each aggregator, by id. */
  readonly #open: (OpenBucket | undefined)[] = [];

  /** A feeder operation starts: fresh buckets; returns the enclosing ones to restore. */
  open(aggregators: readonly ModuleNode[], cont: Continuation | null): (OpenBucket | undefined)[] {
    return aggregators.map((node) => {
      const saved = this.#open[node.id];
      this.#open[node.id] = { items: new ChunkedValues(), keys: node.groupBy ? [] : null, cont };
      return saved;
    });
  }

  /** The feeder operation finished: its buckets, in aggregator order. */
  close(aggregators: readonly ModuleNode[], saved: readonly (OpenBucket | undefined)[]): Bucket[] {
    return aggregators.map((node, i) => {
      const open = this.#open[node.id];
      this.#open[node.id] = saved[i];
      if (!open) return { items: [], keys: null, cont: null };
      return { items: open.items.toArray() as Record<string, unknown>[], keys: open.keys, cont: open.cont };
    });
  }

  /**
   * A bundle reached the aggregator: its mapper (and group key) are evaluated now. False when no
   * operation of a source module is open — the aggregator names no source upstream of it.
   */
  collect(ex: Execution, node: ModuleNode): boolean {
    ex.recorder.arrived(node.id);
    const bucket = this.#open[node.id];
    if (!bucket) return false;
    bucket.items.push(evaluateMapper(ex, node));
    bucket.keys?.push(node.groupBy?.evaluate(ex.ctx));
    return true;
  }
}
