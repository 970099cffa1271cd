/**
 * One trace event (docs/execution-record.md "trace") as a sentence a builder can act on: which
 * filter rejected the bundle and with which values, which routes a router took, where a path ended.
 */
import type { Scenario } from '../../engine/blueprint/scenario.ts';
import type { TracedCondition, TraceEvent } from '../../engine/state/trace.ts';
import { show } from '../match.ts';

type Of<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;

export function moduleName(scenario: Scenario, id: number): string {
  const node = scenario.byId.get(id);
  return `module ${id}${node?.label ? ` "${node.label}"` : ''}`;
}

export function describeFilter(scenario: Scenario, event: Of<'filter'>, times = 1): string {
  const name = event.filterName ? `filter "${event.filterName}"` : 'the filter';
  const verdict = event.passed ? 'let the bundle through' : 'rejected the bundle';
  const repeat = times > 1 ? ` (${times} times)` : '';
  const groups = event.conditions.map((group) => group.map(describeCondition).join(' AND '));
  const why =
    groups.length === 0 ? '' : `: ${groups.map((g) => (groups.length > 1 ? `(${g})` : g)).join(' OR ')}`;
  return `${name} on the link into ${moduleName(scenario, event.moduleId)} ${verdict}${repeat}${why}`;
}

function describeCondition(c: TracedCondition): string {
  const b = c.b === undefined ? '' : ` ${show(c.b)}`;
  return `${show(c.a)} ${c.operator}${b} → ${c.passed ? 'true' : 'false'}`;
}

/** `router 2: took route 3 (fallback); not route 1, 2` — routes count from 1, as in Make's editor. */
export function describeRoutes(scenario: Scenario, routerId: number, events: readonly Of<'route'>[]): string {
  const taken = events.filter((e) => e.taken).map((e) => `${e.route}${e.fallback ? ' (fallback)' : ''}`);
  const skipped = events.filter((e) => !e.taken).map((e) => String(e.route));
  const parts = [
    taken.length > 0 ? `took route ${unique(taken).join(', ')}` : 'took no route',
    ...(skipped.length > 0 ? [`not route ${unique(skipped).join(', ')}`] : []),
  ];
  return `router ${moduleName(scenario, routerId).slice('module '.length)}: ${parts.join('; ')}`;
}

export function describeBranch(scenario: Scenario, event: Of<'branch'>): string {
  const which = event.branch === 'else' ? 'the else branch' : `branch ${event.branch}`;
  return `if-else ${moduleName(scenario, event.moduleId).slice('module '.length)} took ${which}`;
}

const END_WORDS: Record<Of<'end'>['reason'], string> = {
  error: 'the run ended with an error',
  break: 'a Break directive stored the bundle as an incomplete execution',
  commit: 'a Commit directive ended the run',
  rollback: 'a Rollback directive ended the run',
  return: 'a Return output module ended the run',
  resume: 'a Resume directive substituted the output',
  ignore: 'an Ignore directive dropped the bundle',
};

export function describeEnd(scenario: Scenario, event: Of<'end'>): string {
  const error = event.errorType
    ? ` after ${event.errorType}${event.message ? `: ${event.message}` : ''}`
    : '';
  return `at ${moduleName(scenario, event.moduleId)} ${END_WORDS[event.reason]}${error}`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
