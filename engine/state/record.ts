import type { MakeErrorType } from '../errors/make-error.ts';
import type { Bundle, WebhookResponse } from '../registry/define-module.ts';
import type { TraceEvent } from './trace.ts';

/** The execution record (DESIGN.md "Core contracts"): what a run gives back. */

export type ExecutionStatus = 'success' | 'warning' | 'error';

export interface RecordedError {
  type: MakeErrorType | string;
  message: string;
  moduleId?: number;
  details?: Record<string, unknown>;
}

export interface ModuleCallRecord {
  input: Record<string, unknown>;
  output: Bundle[];
  error: RecordedError | null;
  /** 1-based cycle. */
  cycle: number;
}

export interface ModuleRecord {
  id: number;
  module: string;
  label?: string;
  /** Path of the module in the flow, e.g. `/flow/2/routes/0/flow/1`. */
  pointer: string;
  operations: number;
  centicredits: number;
  /** Bundles that reached the module (after its filter). */
  bundlesIn: number;
  bundlesOut: number;
  /** Filter evaluations on the link into this module. */
  filter: { passed: number; failed: number } | null;
  outputs: Bundle[];
  errors: RecordedError[];
  calls: ModuleCallRecord[];
}

export interface IncompleteExecution {
  /** Failed module. */
  moduleId: number;
  reason: 'break' | 'unhandled';
  error: RecordedError;
  /** Outputs of the modules before the failed one, by id: what a retry resumes from. */
  context: Record<string, unknown>;
  retry: { enabled: boolean; count: number; intervalMinutes: number };
  cycle: number;
}

export interface ExecutionRecord {
  id: string;
  scenario: string;
  status: ExecutionStatus;
  operations: number;
  centicredits: number;
  cycles: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  error: RecordedError | null;
  warnings: RecordedError[];
  /** Every module of the blueprint, depth-first. */
  modules: ModuleRecord[];
  incomplete: IncompleteExecution[];
  /** What a webhook caller receives (gateway:WebhookRespond), if any. */
  response: WebhookResponse | null;
  /** Whether this run counts toward `maxErrors` / disables at once (for the server to act on). */
  consecutiveErrors: { counts: boolean; deactivateNow: boolean };
  /** Which routes/branches/error routes ran, by JSON pointer: for coverage. */
  paths: Record<string, number>;
  /** True when run with `record: 'summary'`: outputs and calls are not kept. */
  summary: boolean;
  /** Only with RunOptions.trace: filters, routes, branches and ends in execution order. */
  trace?: TraceEvent[];
}
