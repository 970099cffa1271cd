/**
 * A hook's logs over the API (`/hooks/{id}/logs`,
 * https://developers.make.com/api-documentation/api-reference/hooks; what a log holds:
 * https://help.make.com/webhooks): the list `{hookLogs, pg}` newest first, `from`/`to` (epoch ms on
 * `loggedAt`, inclusive), `pg[offset|limit| sortDir]`, items without `data`; one log `{hookLog}` with `data:
 * {request, response, parsedItems}`. Fields Make's shape names that a local gateway has no value for hold the
 * plainest true value (docs/fidelity.md, "Webhook logs").
 */
import type { FastifyInstance } from 'fastify';
import type { ServerServices } from '../services.ts';
import type { HookLog, HookLogSummary } from '../store/hook-logs.ts';
import type { StoredHook } from '../store/hooks.ts';
import { notFound } from './errors.ts';
import {
  type HookLogParams,
  hookLogParams,
  type ListHookLogsQuery,
  listHookLogsSchema,
} from './hook-schemas.ts';
import { readPage } from './params.ts';
import type { IdParams } from './route-schemas.ts';

/**
 * The API key is write-only (https://help.make.com/webhooks; the hook shape hides `apiKeys`): logs hide it
 * too.
 */
const HIDDEN_HEADERS = new Set(['x-make-apikey']);
const HIDDEN = '[hidden]';

export async function hookLogRoutes(
  app: FastifyInstance,
  options: { services: Pick<ServerServices, 'hookLogs' | 'clock'>; find: (params: IdParams) => StoredHook },
): Promise<void> {
  const { services, find } = options;

  app.get<{ Params: IdParams; Querystring: ListHookLogsQuery }>(
    '/hooks/:id/logs',
    { schema: listHookLogsSchema },
    async (request) => {
      const hook = find(request.params);
      const { from, to } = request.query;
      const page = readPage(request.query, { offset: 0, limit: 50, sortBy: 'loggedAt', sortDir: 'desc' });
      const logs = services.hookLogs.list(hook.id, {
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        now: services.clock.now().getTime(),
        offset: page.offset,
        limit: page.limit,
        sortDir: page.sortDir,
      });
      return {
        hookLogs: logs.map((log) => summaryShape(hook, log)),
        pg: { sortBy: 'loggedAt', sortDir: page.sortDir, limit: page.limit, offset: page.offset },
      };
    },
  );

  app.get<{ Params: HookLogParams }>(
    '/hooks/:id/logs/:logId',
    { schema: { params: hookLogParams } },
    async (request) => {
      const hook = find(request.params);
      const log = services.hookLogs.get(hook.id, request.params.logId, services.clock.now().getTime());
      if (!log) throw notFound('Hook log');
      return { hookLog: { ...summaryShape(hook, log), data: dataShape(log) } };
    },
  );
}

function summaryShape(hook: StoredHook, log: HookLogSummary): Record<string, unknown> {
  return {
    id: log.id,
    // By analogy with scenario and DLQ logs' `<ms>_scenario.<id>.<type>.<executionId>`.
    imtId: `${log.loggedAt}_hook.${hook.id}.${log.id}`,
    loggedAt: new Date(log.loggedAt).toISOString(),
    statusId: log.status >= 200 && log.status < 300 ? 1 : 3,
    typeId: null,
    parser: null,
    appParser: null,
    replayable: false,
    udids: [hook.udid],
    sizes: { request: log.requestSize, response: log.responseSize },
  };
}

function dataShape(log: HookLog): Record<string, unknown> {
  return {
    request: {
      timestamp: new Date(log.loggedAt).toISOString(),
      url: log.url,
      method: log.method,
      headers: headerObject(log.rawHeaders),
      query: queryOf(log.url),
      ...bodyShape(log.body),
    },
    response: { status: log.status, headers: log.answerHeaders, ...bodyShape(log.answer) },
    parsedItems: log.parsed ?? null,
  };
}

/** Names lower-cased as the gateway reads them; a repeated header's values in an array. */
function headerObject(rawHeaders: string[]): Record<string, string | string[]> {
  const headers = Object.create(null) as Record<string, string | string[]>;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = String(rawHeaders[i]).toLowerCase();
    add(headers, name, HIDDEN_HEADERS.has(name) ? HIDDEN : String(rawHeaders[i + 1]));
  }
  return headers;
}

/** The query string of the logged URL, read as the gateway reads it (a repeated name → array). */
function queryOf(url: string): Record<string, string | string[]> {
  const query = Object.create(null) as Record<string, string | string[]>;
  const at = url.indexOf('?');
  if (at === -1) return query;
  for (const [name, value] of new URLSearchParams(url.slice(at + 1))) add(query, name, value);
  return query;
}

/** Null-prototype targets: a `__proto__` header or parameter is just a name. */
function add(target: Record<string, string | string[]>, name: string, value: string): void {
  const seen = target[name];
  target[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A body as text; bytes that are not UTF-8 (an upload) as base64, and said so. */
function bodyShape(body: Buffer | string | null): { body: string; bodyEncoding?: 'base64' } {
  if (body === null) return { body: '' };
  if (typeof body === 'string') return { body };
  try {
    return { body: UTF8.decode(body) };
  } catch {
    return { body: body.toString('base64'), bodyEncoding: 'base64' };
  }
}
