/**
 * Notion Watch Database Items (`watchDatabaseItems`): the pages of `database` (or
 * `data_source`) created — `select` "create" — or edited — `select` "update" — since the last
 * cycle, oldest first, up to `limit`. The key and the mapper fields `select` ("create" /
 * "update"), `database` and `limit` are seen in public material about Make blueprints; no corpus
 * blueprint uses the module (docs/fidelity.md "Fakes"). The cursor keeps the last answered time
 * and the ids answered at that time, so pages sharing a timestamp are neither lost nor repeated.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import type { FakeCall, FakeModule } from '../define-fake.ts';
import { FAKE, PAGES, pageBundle, type StoredPage } from './database.ts';
import { PAGE_OUTPUT } from './pages.ts';

interface Cursor {
  time: string;
  ids: string[];
}

function limitOf(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : Number.POSITIVE_INFINITY;
}

/** A trigger's settings: Make keeps them in `parameters`; a case may also give them as input. */
function option(call: FakeCall, name: string): unknown {
  return call.input[name] ?? call.parameters[name];
}

function watchedDatabase(call: FakeCall): string {
  const id = option(call, 'data_source') ?? option(call, 'database');
  if (id === undefined || id === null || id === '') {
    throw new MakeError('DataError', 'Missing value of required parameter: database is required.');
  }
  return String(id);
}

function timeField(call: FakeCall): 'created_time' | 'last_edited_time' {
  const select = String(option(call, 'select') ?? 'create');
  if (select === 'create') return 'created_time';
  if (select === 'update') return 'last_edited_time';
  throw new MakeError(
    'DataError',
    `Invalid value of parameter select: ${JSON.stringify(select)}; give "create" or "update".`,
  );
}

export const watchItems: FakeModule = {
  kind: 'trigger',
  output: PAGE_OUTPUT,
  run(call) {
    const database = watchedDatabase(call);
    const field = timeField(call);
    const cursorName = `watch:${call.moduleId}:${database}:${field}`;
    const saved = call.state.cursor(FAKE, cursorName);
    const after: Cursor = saved ? JSON.parse(saved) : { time: '', ids: [] };
    const fresh = call.state
      .list(FAKE, PAGES)
      .map((r) => r.data as unknown as StoredPage)
      .filter((p) => p.parent === database && !p.archived)
      .filter((p) => p[field] > after.time || (p[field] === after.time && !after.ids.includes(p.id)))
      .sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0))
      .slice(0, limitOf(option(call, 'limit')));
    const last = fresh.at(-1);
    if (last) {
      const sameTime = fresh.filter((p) => p[field] === last[field]).map((p) => p.id);
      const ids = last[field] === after.time ? [...after.ids, ...sameTime] : sameTime;
      call.state.setCursor(FAKE, cursorName, JSON.stringify({ time: last[field], ids }));
    }
    return fresh.map((p) => pageBundle(call.state, p));
  },
};
