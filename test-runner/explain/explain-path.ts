/**
 * Why a module did (or did not) run, or why the run ended as it did, from the run's path trace
 * (`record.trace`, docs/execution-record.md): the filters on the way with the values they
 * compared, the routes and if-else branches taken, and where paths ended. Without a trace
 * (a record from elsewhere) it falls back to the per-module filter counts.
 */
import type { ModuleNode, Scenario } from '../../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import type { TraceEvent } from '../../engine/state/trace.ts';
import { describeBranch, describeEnd, describeFilter, describeRoutes, moduleName } from './describe-event.ts';

/** Lines kept per explanation: enough to find the cause, short enough to read in CI output. */
const MAX_LINES = 8;

export function explainPath(scenario: Scenario, record: ExecutionRecord, targetId?: number): string[] {
  const target = targetId === undefined ? undefined : scenario.byId.get(targetId);
  const onPath = (id: number) => target === undefined || leadsTo(scenario.byId.get(id), target);
  const trace = record.trace;
  const lines = trace
    ? fromTrace(scenario, trace, onPath, target !== undefined)
    : fromCounts(scenario, record, onPath);
  return lines.length > MAX_LINES
    ? [...lines.slice(0, MAX_LINES), `… ${lines.length - MAX_LINES} more`]
    : lines;
}

function fromTrace(
  scenario: Scenario,
  trace: readonly TraceEvent[],
  onPath: (id: number) => boolean,
  forTarget: boolean,
): string[] {
  const lines: string[] = [];
  const filters = new Map<string, { event: Extract<TraceEvent, { kind: 'filter' }>; times: number }>();
  const routes = new Map<number, Extract<TraceEvent, { kind: 'route' }>[]>();
  for (const event of trace) {
    if (event.kind === 'filter' && onPath(event.moduleId) && (!event.passed || forTarget)) {
      const key = JSON.stringify([event.moduleId, event.passed, event.conditions]);
      const seen = filters.get(key);
      if (seen) seen.times++;
      else filters.set(key, { event, times: 1 });
    } else if (event.kind === 'route' && onPath(event.routerId)) {
      routes.set(event.routerId, [...(routes.get(event.routerId) ?? []), event]);
    } else if (event.kind === 'branch' && onPath(event.moduleId)) lines.push(describeBranch(scenario, event));
  }
  for (const [routerId, events] of routes) lines.push(describeRoutes(scenario, routerId, events));
  for (const { event, times } of filters.values()) lines.push(describeFilter(scenario, event, times));
  const ends = new Map<string, number>();
  for (const event of trace) {
    if (event.kind !== 'end') continue;
    const line = describeEnd(scenario, event);
    ends.set(line, (ends.get(line) ?? 0) + 1);
  }
  for (const [line, times] of ends) lines.push(times > 1 ? `${line} (${times} times)` : line);
  if (trace.at(-1)?.kind === 'truncated') lines.push('(the trace was cut at its event limit)');
  return lines;
}

function fromCounts(scenario: Scenario, record: ExecutionRecord, onPath: (id: number) => boolean): string[] {
  const lines: string[] = [];
  for (const m of record.modules) {
    if (m.filter && m.filter.failed > 0 && onPath(m.id))
      lines.push(
        `the filter on the link into ${moduleName(scenario, m.id)} rejected ${m.filter.failed} bundle(s)`,
      );
  }
  if (record.error?.moduleId !== undefined)
    lines.push(`the run ended with ${record.error.type} at ${moduleName(scenario, record.error.moduleId)}`);
  return lines;
}

/**
 * Whether a bundle must pass `node` to reach `target`: `node` sits in a flow that contains the
 * target's position (same flow, or a route/branch/error route inside it) at or before it.
 */
export function leadsTo(node: ModuleNode | undefined, target: ModuleNode): boolean {
  if (!node) return false;
  const cut = node.pointer.lastIndexOf('/');
  const flow = node.pointer.slice(0, cut + 1);
  if (!target.pointer.startsWith(flow)) return false;
  const index = Number(node.pointer.slice(cut + 1));
  const targetIndex = Number.parseInt(target.pointer.slice(flow.length), 10);
  return index <= targetIndex;
}

/** Trace ends that stop the run (Resume and Ignore let it go on). */
const RUN_ENDS = new Set(['error', 'commit', 'rollback', 'return']);

/** The module where the run ended: its error's module, the last run-ending trace event, else the last that ran. */
export function endModuleId(record: ExecutionRecord): number | undefined {
  if (record.error?.moduleId !== undefined) return record.error.moduleId;
  const end = record.trace?.findLast((e) => e.kind === 'end' && RUN_ENDS.has(e.reason));
  if (end?.kind === 'end') return end.moduleId;
  return record.modules.findLast((m) => m.bundlesIn > 0 || m.calls.length > 0)?.id;
}
