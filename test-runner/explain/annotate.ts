/**
 * Gives failures their "where and why" (issue: failures that say where and why): run-level
 * failures name the module where the run ended; the first failure about the run's outcome, and
 * the first about each module that did not run (or ran when it must not), carry the path
 * explanation.
 */
import type { Scenario } from '../../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import type { Failure } from '../types.ts';
import { endModuleId, explainPath } from './explain-path.ts';

const RUN_LEVEL = /^(status|error|incomplete)$/;

export function annotateFailures(
  failures: Failure[],
  scenario: Scenario,
  record: ExecutionRecord,
): Failure[] {
  const endId = endModuleId(record);
  const explained = new Set<string>();
  return failures.map((failure) => {
    const out: Failure = { ...failure };
    if (!out.module && endId !== undefined && RUN_LEVEL.test(out.path))
      out.module = moduleRef(scenario, endId);
    const topic = explanationTopic(out, record);
    if (topic !== undefined && !explained.has(topic.key)) {
      explained.add(topic.key);
      const lines = explainPath(scenario, record, topic.target);
      if (lines.length > 0) out.explanation = lines;
    }
    return out;
  });
}

/** What a failure needs explained: the run's outcome, or the path to one module. */
function explanationTopic(
  failure: Failure,
  record: ExecutionRecord,
): { key: string; target?: number } | undefined {
  if (/^(status|error)$/.test(failure.path)) return { key: 'run' };
  if (failure.path === 'notRun' && failure.module)
    return { key: `m${failure.module.id}`, target: failure.module.id };
  const match = /^modules\.(\d+)\./.exec(failure.path);
  if (!match) return undefined;
  const id = Number(match[1]);
  const ran = record.modules.find((m) => m.id === id);
  if (ran && ran.bundlesIn > 0) return undefined;
  return { key: `m${id}`, target: id };
}

function moduleRef(scenario: Scenario, id: number): { id: number; label?: string } {
  const label = scenario.byId.get(id)?.label;
  return label === undefined ? { id } : { id, label };
}
