/**
 * Notion fake (`"fakes": {"notion": {"<database or data source id>": [ {…page…} ]}}`): databases
 * with pages. A seeded page is plain values by property name (`{ "id"?, "Name": "Ada", "Status":
 * "Open" }`); a database may instead be `{ "title"?, "properties": { "Name": "title", "Status":
 * { "id": "rcsH", "type": "select" } }, "pages": [ … ] }` to give property types and ids. The
 * snapshot gives each database's pages back the same way, appended blocks under `$content`.
 */
import { defineFake, FakeSeedError } from '../define-fake.ts';
import type { FakeState } from '../state.ts';
import { archiveItem } from './archive.ts';
import { FAKE, nextPageId, PAGES, type Schema, type StoredPage, savePage, setSchema } from './database.ts';
import { appendContent, createItem, getItem, updateItem } from './pages.ts';
import { getDatabase, searchObjects } from './read.ts';
import { inferType } from './values.ts';
import { watchItems } from './watch.ts';

const SEED_TIME = '2025-01-01T00:00:00.000Z';

interface DatabaseSeed {
  title?: string;
  properties: Schema;
  pages: unknown[];
}

function databaseSeed(key: string, value: unknown): DatabaseSeed {
  if (Array.isArray(value)) return { properties: {}, pages: value };
  const raw = value as { title?: unknown; properties?: unknown; pages?: unknown } | null;
  if (!raw || typeof raw !== 'object' || !Array.isArray(raw.pages)) {
    throw new FakeSeedError(
      FAKE,
      key,
      'give the database an array of pages, or { "properties": {…}, "pages": […] }',
    );
  }
  const properties: Schema = {};
  for (const [name, p] of Object.entries((raw.properties ?? {}) as Record<string, unknown>)) {
    const spec = typeof p === 'string' ? { type: p } : (p as { id?: unknown; type?: unknown });
    if (typeof spec?.type !== 'string')
      throw new FakeSeedError(
        FAKE,
        `${key}.properties.${name}`,
        'give a Notion property type ("title", "select", …)',
      );
    properties[name] = {
      id: typeof spec.id === 'string' ? spec.id : encodeURIComponent(name),
      type: spec.type,
    };
  }
  return { ...(typeof raw.title === 'string' ? { title: raw.title } : {}), properties, pages: raw.pages };
}

function seed(state: FakeState, value: unknown): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new FakeSeedError(FAKE, '', 'give an object: database id → array of pages');
  }
  for (const [database, raw] of Object.entries(value)) {
    const { title, properties, pages } = databaseSeed(database, raw);
    pages.forEach((page, i) => {
      if (!page || typeof page !== 'object' || Array.isArray(page)) {
        throw new FakeSeedError(FAKE, `${database}[${i}]`, 'a page is an object of property name → value');
      }
      const { id, ...values } = page as Record<string, unknown>;
      for (const [name, v] of Object.entries(values)) {
        properties[name] ??= { id: encodeURIComponent(name), type: inferType(v) };
      }
      const stored: StoredPage = {
        id: typeof id === 'string' && id !== '' ? id : nextPageId(state),
        parent: database,
        parentType: 'database_id',
        created_time: SEED_TIME,
        last_edited_time: SEED_TIME,
        values,
        children: [],
      };
      savePage(state, stored);
    });
    setSchema(state, database, properties);
    if (title !== undefined) state.setCursor(FAKE, `title:${database}`, title);
  }
}

function snapshot(state: FakeState): Record<string, unknown> {
  const out: Record<string, unknown[]> = {};
  for (const name of state.cursorNames(FAKE, 'schema:')) out[name.slice('schema:'.length)] = [];
  for (const { data } of state.list(FAKE, PAGES)) {
    const page = data as unknown as StoredPage;
    if (page.archived) continue; // in Notion's trash: gone from the database
    const content = page.children.length > 0 ? { $content: page.children } : {};
    out[page.parent] = [...(out[page.parent] ?? []), { id: page.id, ...page.values, ...content }];
  }
  return out;
}

export const notionFake = defineFake({
  name: FAKE,
  description:
    'Databases with pages: create, update, get, search, append content, delete (archive), watch; get a database.',
  modules: {
    'notion:createAPage': createItem,
    'notion:createDataSourceItem': createItem,
    'notion:updateADatabaseItem': updateItem,
    'notion:deleteADatabaseItem': archiveItem,
    'notion:getADatabaseItem': getItem,
    'notion:appendAPageContent': appendContent,
    'notion:searchObjects1': searchObjects,
    'notion:getADatabase': getDatabase,
    'notion:watchDatabaseItems': watchItems,
  },
  seed,
  snapshot,
});
