/**
 * The shapes of a webhook log (https://help.make.com/webhooks;
 * https://developers.make.com/api-documentation/api-reference/hooks): the entry a gateway hands over while it
 * answers (raw pieces, see hook-logs.ts), and the summary and detail rows read back.
 */

/** Make keeps webhook logs 3 days (30 on Enterprise, which we do not model). */
export const HOOK_LOG_RETENTION_MS = 3 * 24 * 3600_000;

export interface HookLogEntry {
  hookId: number;
  /** When the request arrived (epoch ms, server clock). */
  loggedAt: number;
  method: string;
  /** Path and query string, as received. */
  url: string;
  /** Node's `rawHeaders`: names (as sent) and values, alternating. */
  rawHeaders: string[];
  body: Buffer | string | undefined;
  /** The bundle the gateway converted; undefined when the request was answered before that. */
  parsed: unknown;
  status: number;
  answer: string | Buffer;
  answerHeaders: Record<string, unknown>;
}

export interface HookLogSummary {
  id: number;
  hookId: number;
  loggedAt: number;
  status: number;
  requestSize: number;
  responseSize: number;
}

export interface HookLog extends HookLogSummary {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer | string | null;
  parsed: unknown;
  answerHeaders: Record<string, unknown>;
  answer: Buffer | string | null;
}

export interface HookLogQuery {
  /** Only logs at or after `from` and at or before `to` (epoch ms); older than `now` − 3 days never. */
  from?: number;
  to?: number;
  now: number;
  offset: number;
  limit: number;
  sortDir: 'asc' | 'desc';
}
