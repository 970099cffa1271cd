/**
 * What an error route decides (flow/error-handler.ts carries it out,
 * https://help.make.com/overview-of-error-handling): the open routes of an execution are a stack of frames,
 * and the first directive reached in a route decides for the failed bundle.
 */
import type { MakeError } from '../errors/make-error.ts';
import type { Bundle } from '../registry/define-module.ts';

/** Break's "Retry automatically", "Number of retries", "Minutes between retries". */
export interface RetrySettings {
  enabled: boolean;
  count: number;
  intervalMinutes: number;
}

export type Decision =
  | { kind: 'ignore' }
  | { kind: 'resume'; output: Bundle }
  | { kind: 'break'; retry: RetrySettings }
  | { kind: 'commit' }
  | { kind: 'rollback' }
  | { kind: 'throw'; error: MakeError }
  | { kind: 'unhandled' };

/** An error route being walked; the first directive reached decides. */
export interface HandlerFrame {
  decision: Decision | null;
}
