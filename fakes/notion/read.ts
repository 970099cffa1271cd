/**
 * Notion fake reads: Search Objects (`searchObjects1`: `select` "item"/"data_source_item" lists a
 * database's pages through `filter`, `sorts` and `limit`; "page" finds pages whose title contains
 * `query`) and Get a Database (`getADatabase`).
 */
import { SetupError } from '../../engine/errors/setup-error.ts';
import type { FakeCall, FakeModule } from '../define-fake.ts';
import { FAKE, notFound, PAGES, pageBundle, type Schema, type StoredPage, schemaOf } from './database.ts';
import { compileFilter } from './filter.ts';
import { PAGE_OUTPUT } from './pages.ts';
import { apiValue } from './values.ts';

function pagesOf(call: FakeCall): StoredPage[] {
  // Notion's search and database query leave archived (trashed) pages out.
  return call.state
    .list(FAKE, PAGES)
    .map((r) => r.data as unknown as StoredPage)
    .filter((p) => !p.archived);
}

function limitOf(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : Number.POSITIVE_INFINITY;
}

interface Sort {
  property?: unknown;
  direction?: unknown;
}

function sortPages(pages: StoredPage[], sorts: unknown, schema: Schema): StoredPage[] {
  if (!Array.isArray(sorts) || sorts.length === 0) return pages;
  const keys = (sorts as Sort[]).map((s) => ({
    name: Object.entries(schema).find(([, p]) => p.id === s.property)?.[0] ?? String(s.property),
    sign: s.direction === 'descending' ? -1 : 1,
  }));
  const plain = (v: unknown) =>
    v && typeof v === 'object' && 'start' in v ? (v as { start: unknown }).start : v;
  return [...pages].sort((a, b) => {
    for (const { name, sign } of keys) {
      const [x, y] = [plain(a.values[name]), plain(b.values[name])];
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x ?? '').localeCompare(String(y ?? ''));
      if (order !== 0) return order * sign;
    }
    return 0;
  });
}

function titleOf(page: StoredPage, schema: Schema): string {
  const name = Object.entries(schema).find(([, p]) => p.type === 'title')?.[0] ?? 'title';
  return String(page.values[name] ?? '');
}

export const searchObjects: FakeModule = {
  kind: 'search',
  output: PAGE_OUTPUT,
  run(call) {
    const select = String(call.input.select ?? 'item');
    const limit = limitOf(call.input.limit);
    if (select === 'page') {
      const query = String(call.input.query ?? '').toLowerCase();
      const found = pagesOf(call).filter((p) =>
        titleOf(p, schemaOf(call.state, p.parent)).toLowerCase().includes(query),
      );
      return found.slice(0, limit).map((p) => pageBundle(call.state, p));
    }
    if (select !== 'item' && select !== 'data_source_item') {
      throw new SetupError(
        'unsupported-fake-input',
        `the notion fake searches pages ("item", "data_source_item", "page"), not ${JSON.stringify(select)}. Mock this module instead (mocks.<id>).`,
      );
    }
    const database = String(call.input.data_source ?? call.input.database ?? '');
    const schema = schemaOf(call.state, database);
    const matches = compileFilter(call.input.filter, schema);
    const inDatabase = pagesOf(call).filter((p) => p.parent === database && matches(p.values));
    return sortPages(inDatabase, call.input.sorts, schema)
      .slice(0, limit)
      .map((p) => pageBundle(call.state, p));
  },
};

/** The Notion API database object; `properties_value` is not modelled for a database. */
export const getDatabase: FakeModule = {
  kind: 'action',
  output:
    '`{ object: "database", id, title[], properties{name: {id, name, type}}, url, … }` (Notion API database object; field names as the exported interface)',
  run(call) {
    const id = String(call.input.database ?? '');
    const schemaText = call.state.cursor(FAKE, `schema:${id}`);
    if (schemaText === undefined) throw notFound('database', id);
    const schema = JSON.parse(schemaText) as Schema;
    const title = call.state.cursor(FAKE, `title:${id}`) ?? '';
    const properties = Object.fromEntries(
      Object.entries(schema).map(([name, p]) => [name, { id: p.id, name, type: p.type, [p.type]: {} }]),
    );
    return [
      {
        object: 'database',
        id,
        title: apiValue('title', title),
        description: [],
        is_inline: false,
        properties,
        parent: { type: 'workspace', workspace: true },
        archived: false,
        url: `https://www.notion.so/${id.replaceAll('-', '')}`,
      },
    ];
  },
};
