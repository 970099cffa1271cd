/**
 * Notion databases (or data sources) holding pages. Pages live in one collection, as Notion
 * addresses a page by its id alone; each remembers its parent. A database's schema — property name
 * → `{ id, type }` — comes from the seed; the modules' exported `metadata.expect` names the fields
 * a write maps (Make keys them by property id, e.g. `"NUO%3F"`, or `title`) and gives their type.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import type { FakeCall } from '../define-fake.ts';
import type { FakeState } from '../state.ts';
import { apiValue, inferType, type PropertyType } from './values.ts';

export const FAKE = 'notion';
export const PAGES = 'pages';

export type Schema = Record<string, { id: string; type: PropertyType }>;

export interface StoredPage {
  id: string;
  parent: string;
  parentType: 'database_id' | 'data_source_id';
  created_time: string;
  last_edited_time: string;
  values: Record<string, unknown>;
  children: unknown[];
  /** Set by Delete a Database Item: Notion archives (trashes) a page, it never erases it. */
  archived?: boolean;
}

export function schemaOf(state: FakeState, database: string): Schema {
  return JSON.parse(state.cursor(FAKE, `schema:${database}`) ?? '{}');
}

export function setSchema(state: FakeState, database: string, schema: Schema): void {
  state.setCursor(FAKE, `schema:${database}`, JSON.stringify(schema));
}

export function databaseExists(state: FakeState, database: string): boolean {
  return state.cursor(FAKE, `schema:${database}`) !== undefined;
}

/** Notion's 404 (`object_not_found`), which Make reports as a DataError. */
export function notFound(kind: string, id: unknown): MakeError {
  return new MakeError(
    'DataError',
    `[404] object_not_found: Could not find ${kind} with ID: ${String(id ?? '')}. Make sure the relevant pages and databases are shared with your integration.`,
  );
}

/** The database a write addresses; with databases seeded, an unknown one is Notion's 404. */
export function databaseOf(call: FakeCall): { id: string; parentType: StoredPage['parentType'] } {
  const source = call.input.data_source ?? call.input.dataSource;
  const id = source ?? call.input.database ?? call.input.databaseId;
  if (id === undefined || id === null || id === '') {
    throw new MakeError(
      'DataError',
      'Missing value of required parameter: database (or data_source) is required.',
    );
  }
  const seeded = call.state.cursorNames(FAKE, 'schema:').length > 0;
  if (seeded && !databaseExists(call.state, String(id))) throw notFound('database', id);
  return { id: String(id), parentType: source === undefined ? 'database_id' : 'data_source_id' };
}

export function findPage(call: FakeCall, id: unknown): StoredPage {
  const page = call.state.get(FAKE, PAGES, String(id ?? ''));
  if (!page) throw notFound('page', id);
  return page as unknown as StoredPage;
}

export function savePage(state: FakeState, page: StoredPage): void {
  state.put(FAKE, PAGES, page.id, page as unknown as Record<string, unknown>);
}

/** Notion ids are UUIDs; ours count up so tests can name them. */
export function nextPageId(state: FakeState, prefix = '00000000'): string {
  const n = Number(state.cursor(FAKE, 'nextId') ?? 0) + 1;
  state.setCursor(FAKE, 'nextId', String(n));
  return `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** The page object Make's Notion modules output (exported `metadata.interface`). */
export function pageBundle(state: FakeState, page: StoredPage): Record<string, unknown> {
  const schema = schemaOf(state, page.parent);
  const user = { object: 'user', id: '00000000-0000-4000-8000-00000000fa4e' };
  const properties: Record<string, unknown>[] = [];
  const propertiesValue: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(page.values)) {
    const { id, type } = schema[name] ?? { id: encodeURIComponent(name), type: inferType(value) };
    const api = apiValue(type, value);
    propertiesValue[name] = api;
    properties.push({ id, type, [type]: api, label: name });
  }
  return {
    object: 'page',
    id: page.id,
    created_time: page.created_time,
    last_edited_time: page.last_edited_time,
    created_by: user,
    last_edited_by: user,
    url: `https://www.notion.so/${page.id.replaceAll('-', '')}`,
    parent: { type: page.parentType, [page.parentType]: page.parent },
    archived: page.archived === true,
    in_trash: page.archived === true,
    properties,
    properties_value: propertiesValue,
  };
}
