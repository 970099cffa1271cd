/**
 * The path trace (`RunOptions.trace`): what a run decided on its way, in execution order, so a
 * failed test can say which filter stopped a bundle and with which values, which routes and
 * branches ran, and where the run ended. Off by default; when off the engine never builds it.
 */
import type { ModuleNode } from '../blueprint/scenario.ts';

/** One filter condition as evaluated: the two resolved operands, the operator, the outcome. */
export interface TracedCondition {
  a: unknown;
  operator: string;
  b: unknown;
  passed: boolean;
}

/** Why a bundle's path (or the run) ended at a module. */
export type TraceEndReason = 'error' | 'break' | 'commit' | 'rollback' | 'return' | 'resume' | 'ignore';

export type TraceEvent =
  /**
   * A filter evaluation (passed or not). `moduleId` is the module the filter guards (the link's
   * target); `conditions` are Make's OR-of-AND groups with the values compared.
   */
  | {
      kind: 'filter';
      moduleId: number;
      moduleName?: string;
      filterName?: string;
      passed: boolean;
      conditions: TracedCondition[][];
    }
  /** A router route examined for a bundle; `route` counts from 1, `moduleId` is its first module. */
  | { kind: 'route'; routerId: number; route: number; moduleId?: number; taken: boolean; fallback?: boolean }
  /** The If-else branch taken: its 1-based position, or `else`. */
  | { kind: 'branch'; moduleId: number; branch: number | 'else' }
  /**
   * Where a bundle's path or the run ended: an error (handled or not) of `moduleId` and the
   * directive that decided it, or a Return output module.
   */
  | {
      kind: 'end';
      moduleId: number;
      moduleName?: string;
      reason: TraceEndReason;
      errorType?: string;
      message?: string;
    }
  /** Always last when present: the trace reached `limit` events and `dropped` more were not kept. */
  | { kind: 'truncated'; limit: number; dropped: number };

/** Events kept per run; a longer trace ends with one `truncated` marker. */
export const MAX_TRACE_EVENTS = 1_000;

export class TraceLog {
  readonly events: TraceEvent[] = [];
  #truncated: { kind: 'truncated'; limit: number; dropped: number } | null = null;

  add(event: TraceEvent): void {
    if (this.events.length < MAX_TRACE_EVENTS) {
      this.events.push(event);
      return;
    }
    if (this.#truncated) this.#truncated.dropped++;
    else {
      this.#truncated = { kind: 'truncated', limit: MAX_TRACE_EVENTS, dropped: 1 };
      this.events.push(this.#truncated);
    }
  }

  route(router: ModuleNode, route: number, taken: boolean, fallback: boolean): void {
    const first = router.routes[route - 1]?.flow[0];
    const event: TraceEvent = { kind: 'route', routerId: router.id, route, taken };
    if (first) event.moduleId = first.id;
    if (fallback) event.fallback = true;
    this.add(event);
  }

  end(node: ModuleNode, reason: TraceEndReason, error?: { type: string; message: string }): void {
    const event: TraceEvent = { kind: 'end', moduleId: node.id, reason };
    if (node.label !== undefined) event.moduleName = node.label;
    if (error) {
      event.errorType = error.type;
      event.message = error.message;
    }
    this.add(event);
  }
}
