/**
 * Notion Delete a Database Item (`deleteADatabaseItem`, the mapped `page`). Notion never erases a
 * page through its API: deleting archives it (moves it to the trash), and the answer is the page
 * with `archived` and `in_trash` true (Notion API "Archive a page"). The module key follows the
 * naming of Make's sibling modules (`getADatabaseItem`, `updateADatabaseItem`); no blueprint we
 * found uses it (docs/fidelity.md "Fakes").
 */
import type { FakeModule } from '../define-fake.ts';
import { findPage, pageBundle, savePage } from './database.ts';
import { PAGE_OUTPUT } from './pages.ts';

export const archiveItem: FakeModule = {
  kind: 'action',
  output: `${PAGE_OUTPUT}, with archived and in_trash true (Notion API "Archive a page"; unverified as Make's output)`,
  run(call) {
    const found = findPage(call, call.input.page);
    const page = { ...found, archived: true, last_edited_time: call.now.toISOString() };
    savePage(call.state, page);
    return [pageBundle(call.state, page)];
  },
};
