/**
 * Webhook logs (https://help.make.com/webhooks "Webhook logs"; `/hooks/{id}/logs`,
 * https://developers.make.com/api-documentation/api-reference/hooks): one row per request the
 * webhook or mail gateway answered for a known hook — the request as received, the parsed items
 * (the bundle the trigger got or would get) and the answer. Kept 3 days on the server clock (Make's
 * figure below Enterprise). The webhook path is benchmarked, so entries are raw pieces (Node's raw
 * header list, the URL with its query, the body's bytes), gathered while requests are answered and
 * written by ONE deferred group-commit write per batch; what little is serialised is serialised
 * there, after the callers have their answers. A hook's rows go with it (trigger in db.ts).
 */

import type { Redactor } from '../../modules/http/redactor.ts';
import type { Db } from '../queue/db.ts';
import type { GroupCommit } from '../queue/group-commit.ts';
import { contentTypeOf, stringifyBundle } from './hook-log-json.ts';
import {
  HOOK_LOG_RETENTION_MS,
  type HookLog,
  type HookLogEntry,
  type HookLogQuery,
  type HookLogSummary,
} from './hook-log-types.ts';

export type { HookLog, HookLogEntry, HookLogQuery, HookLogSummary } from './hook-log-types.ts';
export { HOOK_LOG_RETENTION_MS } from './hook-log-types.ts';

/** Old rows are deleted at most once a minute (server clock), by the write that finds them due. */
const PURGE_EVERY_MS = 60_000;

const SUMMARY_COLUMNS =
  'id, hook_id AS hookId, logged AS loggedAt, status, request_size AS requestSize, response_size AS responseSize';

export class HookLogStore {
  readonly #db: Db;
  readonly #commits: GroupCommit;
  readonly #insert;
  readonly #hookExists;
  readonly #purge;
  readonly #redactor: Redactor | undefined;
  #waiting: HookLogEntry[] = [];
  #lastPurge = Number.NEGATIVE_INFINITY;

  constructor(db: Db, commits: GroupCommit, redactor?: Redactor) {
    this.#db = db;
    this.#commits = commits;
    this.#redactor = redactor;
    this.#insert = db.prepare(
      `INSERT INTO hook_logs (hook_id, logged, status, request_size, response_size, method, url, headers,
         parsed, response_headers, response_body, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#hookExists = db.prepare('SELECT 1 FROM hooks WHERE id = ?').pluck();
    // Through hooks, so each hook's range is read from the (hook_id, logged) index.
    this.#purge = db.prepare('DELETE FROM hook_logs WHERE hook_id IN (SELECT id FROM hooks) AND logged < ?');
  }

  /** Keeps the entry for the next deferred commit; the first of a batch asks for that write. */
  log(entry: HookLogEntry): void {
    this.#waiting.push(entry);
    if (this.#waiting.length === 1) this.#commits.later(() => this.#writeWaiting()).catch(() => undefined);
  }

  #writeWaiting(): void {
    const batch = this.#waiting;
    this.#waiting = [];
    // A hook deleted while its entries waited leaves no orphan rows.
    const exists = new Map<number, boolean>();
    for (const entry of batch) {
      let known = exists.get(entry.hookId);
      if (known === undefined) {
        known = this.#hookExists.get(entry.hookId) !== undefined;
        exists.set(entry.hookId, known);
      }
      if (known) this.#addQuietly(entry);
    }
    const last = batch.at(-1);
    if (last && last.loggedAt - this.#lastPurge >= PURGE_EVERY_MS) this.purge(last.loggedAt);
  }

  /** A log that cannot be written is dropped: it must not sink the commit it rides with. */
  #addQuietly(entry: HookLogEntry): void {
    try {
      this.add(entry);
    } catch {
      // The request was answered; only its log is lost.
    }
  }

  /** Writes one entry now, inside the caller's transaction. */
  add(received: HookLogEntry): void {
    const texts = serialise(received);
    // Secrets never reach the log (docs/serve.md "Secrets"); done here, after callers have answers.
    // The serialised pieces are checked first: most show nothing to redact and are stored as they are.
    if (this.#redactor && !this.#redactor.clear(textsOf(received, texts), bytesOf(received))) {
      const entry = this.#redactor.value(received);
      // Nothing was redacted (the same entry comes back): its texts are already serialised.
      this.#insertEntry(entry, entry === received ? texts : serialise(entry));
    } else {
      this.#insertEntry(received, texts);
    }
  }

  #insertEntry(entry: HookLogEntry, texts: SerialisedEntry): void {
    const body = entry.body ?? null;
    this.#insert.run(
      entry.hookId,
      entry.loggedAt,
      entry.status,
      body === null ? 0 : Buffer.byteLength(body),
      Buffer.byteLength(entry.answer),
      entry.method,
      entry.url,
      texts.headers,
      texts.parsed,
      texts.answerHeaders,
      entry.answer,
      body,
    );
  }

  /** Deletes the logs past retention at `now` (epoch ms). */
  purge(now: number): void {
    this.#lastPurge = now;
    this.#purge.run(now - HOOK_LOG_RETENTION_MS);
  }

  list(hookId: number, query: HookLogQuery): HookLogSummary[] {
    const { where, args } = window(hookId, query);
    const dir = query.sortDir === 'asc' ? 'ASC' : 'DESC';
    return this.#db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM hook_logs WHERE ${where} ORDER BY logged ${dir}, id ${dir} LIMIT ? OFFSET ?`,
      )
      .all(...args, query.limit, query.offset) as HookLogSummary[];
  }

  get(hookId: number, id: number, now: number): HookLog | undefined {
    const { where, args } = window(hookId, { now });
    const row = this.#db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, method, url, headers, parsed, response_headers, response_body, body
         FROM hook_logs WHERE ${where} AND id = ?`,
      )
      .get(...args, id) as DetailRow | undefined;
    if (!row) return undefined;
    const { headers, parsed, response_headers, response_body, ...rest } = row;
    return {
      ...rest,
      rawHeaders: JSON.parse(headers) as string[],
      parsed: parsed === null ? undefined : (JSON.parse(parsed) as unknown),
      answerHeaders: JSON.parse(response_headers) as Record<string, unknown>,
      answer: response_body,
    };
  }
}

/** The JSON columns of an entry. */
interface SerialisedEntry {
  headers: string;
  parsed: string | null;
  answerHeaders: string;
}

function serialise(entry: HookLogEntry): SerialisedEntry {
  return {
    headers: JSON.stringify(entry.rawHeaders),
    parsed:
      entry.parsed === undefined ? null : stringifyBundle(entry.parsed, contentTypeOf(entry.rawHeaders)),
    answerHeaders: JSON.stringify(entry.answerHeaders),
  };
}

/** Every string of an entry as it is stored, for the redactor's check. */
function textsOf(entry: HookLogEntry, texts: SerialisedEntry): string[] {
  const out = [entry.method, entry.url, texts.headers, texts.answerHeaders];
  if (texts.parsed !== null) out.push(texts.parsed);
  if (typeof entry.answer === 'string') out.push(entry.answer);
  if (typeof entry.body === 'string') out.push(entry.body);
  return out;
}

function bytesOf(entry: HookLogEntry): Buffer[] {
  const out: Buffer[] = [];
  if (Buffer.isBuffer(entry.body)) out.push(entry.body);
  if (Buffer.isBuffer(entry.answer)) out.push(entry.answer);
  return out;
}

interface DetailRow extends HookLogSummary {
  method: string;
  url: string;
  headers: string;
  parsed: string | null;
  response_headers: string;
  response_body: Buffer | string | null;
  body: Buffer | string | null;
}

function window(hookId: number, query: Pick<HookLogQuery, 'from' | 'to' | 'now'>) {
  const where = ['hook_id = ?', 'logged >= ?'];
  const args: number[] = [hookId, Math.max(query.from ?? 0, query.now - HOOK_LOG_RETENTION_MS)];
  if (query.to !== undefined) {
    where.push('logged <= ?');
    args.push(query.to);
  }
  return { where: where.join(' AND '), args };
}
