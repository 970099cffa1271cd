/**
 * Notion fake modules for database items: Create a Database Item (`createAPage` with `database`,
 * `createDataSourceItem` with `data_source`), Update a Database Item (`updateADatabaseItem`,
 * the mapped `page`), Get a Database Item (`getADatabaseItem`) and Append a Page Content
 * (`appendAPageContent`: the mapped `objects` become the page's blocks).
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import type { FakeModule } from '../define-fake.ts';
import { databaseOf, findPage, nextPageId, pageBundle, savePage } from './database.ts';
import { mappedValues } from './fields.ts';

export const PAGE_OUTPUT =
  '`{ object: "page", id, created_time, last_edited_time, url, parent, archived, in_trash, properties[], properties_value }` (metadata.interface of exported Notion modules)';

export const createItem: FakeModule = {
  kind: 'action',
  output: PAGE_OUTPUT,
  run(call) {
    const database = databaseOf(call);
    const now = call.now.toISOString();
    const page = {
      id: nextPageId(call.state),
      parent: database.id,
      parentType: database.parentType,
      created_time: now,
      last_edited_time: now,
      values: mappedValues(call, database.id),
      children: [],
    };
    savePage(call.state, page);
    return [pageBundle(call.state, page)];
  },
};

export const updateItem: FakeModule = {
  kind: 'action',
  output: PAGE_OUTPUT,
  run(call) {
    const found = findPage(call, call.input.page);
    const page = {
      ...found,
      last_edited_time: call.now.toISOString(),
      values: { ...found.values, ...mappedValues(call, found.parent) },
    };
    savePage(call.state, page);
    return [pageBundle(call.state, page)];
  },
};

export const getItem: FakeModule = {
  kind: 'action',
  output: PAGE_OUTPUT,
  run: (call) => [pageBundle(call.state, findPage(call, call.input.page))],
};

/** Notion answers the appended blocks (`object: "list"`); Make's output shape is unverified. */
export const appendContent: FakeModule = {
  kind: 'action',
  output:
    '`{ object: "list", results: [block] }` (Notion API "Append block children"; unverified as Make\'s output)',
  run(call) {
    const found = findPage(call, call.input.page);
    const objects = call.input.objects ?? [];
    if (!Array.isArray(objects))
      throw new MakeError('DataError', 'The content (objects) must be an array of blocks.');
    const blocks = objects.map((block: Record<string, unknown>) => ({
      object: 'block',
      id: nextPageId(call.state, 'b1000000'),
      ...block,
    }));
    savePage(call.state, {
      ...found,
      last_edited_time: call.now.toISOString(),
      children: [...found.children, ...blocks],
    });
    return [{ object: 'list', results: blocks }];
  },
};
