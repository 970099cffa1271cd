/**
 * What the runner is asked to run and with what: its dependencies, one run request (a queued
 * webhook item, a held caller, a scheduled or API run, an incomplete-execution retry), and the
 * engine call that turns a request into an ExecutionRecord.
 */
import { randomUUID } from 'node:crypto';
import type { VariableScopes } from '../../engine/expression/types.ts';
import type { Clock } from '../../engine/ports/clock.ts';
import type { WebhookResponse } from '../../engine/registry/define-module.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import type { RunStop } from '../../engine/runtime/run-stop.ts';
import type { Redactor } from '../../modules/http/redactor.ts';
import type { GroupCommit } from '../queue/group-commit.ts';
import type { QueueItem, WebhookQueue } from '../queue/queue.ts';
import type { Backoff } from '../scheduler/backoff.ts';
import type { ConvertRequest, RunJournal } from '../services.ts';
import type { ExecutionStore, ExecutionType } from '../store/executions.ts';
import type { IncompleteStore } from '../store/incompletes.ts';
import type { ScenarioStore } from '../store/scenarios.ts';
import type { ScenarioCatalog } from './catalog.ts';
import type { PreparedScenario } from './engine-port.ts';
import { failedRecord } from './failed-record.ts';

export interface RunnerDeps {
  clock: Clock;
  queue: WebhookQueue;
  scenarios: ScenarioStore;
  executions: ExecutionStore;
  incompletes: IncompleteStore;
  catalog: ScenarioCatalog;
  commits: GroupCommit;
  /**
   * How long a caller is held for a Webhook response before `200 Accepted` (Make's help:
   * https://help.make.com/webhooks).
   */
  responseTimeoutMs: number;
  /**
   * Backoff reruns (Make's help: https://help.make.com/exponential-backoff): a scenario waiting for one takes
   * no queued items.
   */
  backoff?: Backoff;
  /** Told when a backoff rerun was scheduled (the scheduler re-arms its timer). */
  onBackoff?: () => void;
  /** The gateway's request → bundle conversion, for queued webhook items read back from disk. */
  convert?: ConvertRequest;
  /** The data stores' undo journal: a stored run's writes are final, a lost run's are undone. */
  journal?: Pick<RunJournal, 'forgetRun' | 'undoRun'>;
  /** What the stored history must not hold (connection credentials, secret query values). */
  redactor?: Redactor;
  /** Told after every stored execution (live updates for the inspector). */
  onExecution?: (scenarioId: number, executionId: string) => void;
}

export interface RunRequest {
  scenarioId: number;
  type: ExecutionType;
  input?: unknown;
  vars?: VariableScopes;
  items?: QueueItem[];
  executionId?: string;
  /** An incomplete execution being retried. */
  incompleteId?: string;
  /** A webhook held for its response and not (yet) in the queue: see Runner.startDirect. */
  pendingItem?: PendingItem;
  /** Told the moment the run's (first cycle's) Webhook response module runs. */
  onRespond?: (response: WebhookResponse) => void;
  /** Told as soon as the run finishes, before its execution is stored. */
  onRecord?: (record: ExecutionRecord) => void;
}

/**
 * A request whose caller waits for a Webhook response and that ran at once without a queue row:
 * the response is the acknowledgement, so nothing is written first. Only if the caller must be
 * answered `Accepted` on timeout is a (running) queue row committed — `itemId` — which the
 * execution's store then removes; `stored` tells the late write that it is no longer needed.
 */
export interface PendingItem {
  hookId: number;
  itemId?: number;
  stored: boolean;
}

/**
 * Make's execution ids are 32 hex digits
 * (https://developers.make.com/api-documentation/api-reference/scenarios/logs); nothing documents their
 * structure. Ours start with the time in milliseconds (12 hex digits, as UUIDv7 does) followed by 80 random
 * bits, so history rows are appended to the id index instead of landing on a random page of it:
 * that cut the cost of storing an execution on a large history by a fifth (docs/fidelity.md).
 */
export function newExecutionId(nowMs: number = Date.now()): string {
  return nowMs.toString(16).padStart(12, '0').slice(-12) + randomHex20();
}

/**
 * 80 random bits as 20 hex digits, cut from a v4 UUID around its fixed version and variant
 * digits. randomUUID draws from a cached entropy pool: ~0.7 µs an id here against ~2.5 µs for
 * randomBytes(10), which asks OpenSSL on every call (200,000 ids, one process).
 */
function randomHex20(): string {
  const uuid = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx
  return uuid.slice(0, 8) + uuid.slice(9, 13) + uuid.slice(15, 18) + uuid.slice(20, 23) + uuid.slice(24, 26);
}

/**
 * The engine run; a run that throws instead of returning a record becomes an `error` record.
 * `respond(response, cycle)` hears each cycle's first Webhook response as it is produced.
 */
export async function executeRun(
  prepared: PreparedScenario,
  run: {
    request: RunRequest;
    clock: Clock;
    rolledBack: Set<number>;
    respond: (response: WebhookResponse, cycle: number) => void;
    stop: RunStop;
  },
): Promise<ExecutionRecord> {
  const { request, clock } = run;
  const executionId = request.executionId ?? newExecutionId(clock.now().getTime());
  try {
    const cycles = Array.isArray(request.input) ? request.input.length : 1;
    return await prepared.run({
      input: request.input,
      executionId,
      clock,
      maxCycles: request.items || request.pendingItem ? Math.max(1, cycles) : prepared.settings.roundtrips,
      ...(request.vars ? { vars: request.vars } : {}),
      onTriggerRollback: (cycle) => run.rolledBack.add(cycle),
      onRespond: run.respond,
      stop: run.stop,
    });
  } catch (error) {
    return failedRecord({ executionId, scenario: prepared.name, error, now: clock.now() });
  }
}

/**
 * Webhook runs of a parallel scenario store their history on the group commit's deferred lane:
 * the caller was already answered (onRecord) or acknowledged, so nobody waits on this commit.
 * A `sequential` scenario's next item waits for it (its slot frees on commit), and API/scheduled
 * callers await the stored record, so those commit at once.
 */
export function deferStore(prepared: PreparedScenario, request: RunRequest): boolean {
  return !prepared.settings.sequential && (request.items !== undefined || request.pendingItem !== undefined);
}
