/**
 * Google Drive fake (`"fakes": {"google-drive": {"<folderId>": [ {…item…} ]}}`): folders with
 * files. A seeded item is `{ "id"?, "name", "mimeType"?, "data"? }` — text `data` is the file's
 * content; an item of type `application/vnd.google-apps.folder` is a folder, which may be a key
 * of its own. `root` is always there. The snapshot lists each folder's items the same way, the
 * content as UTF-8 text.
 */
import { defineFake, FakeSeedError } from '../define-fake.ts';
import type { FakeState } from '../state.ts';
import { FAKE, FOLDER_TYPE, idOf, itemsOf, markFolder, mimeTypeOf, nextItemId, saveItem } from './drive.ts';
import { downloadFile, searchFiles, watchFiles } from './read.ts';
import { base64Of, copyFile, createFolder, moveFile, uploadFile } from './write.ts';

const SEED_TIME = '2025-01-01T00:00:00.000Z';

function seed(state: FakeState, value: unknown): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new FakeSeedError(FAKE, '', 'give an object: folder id → array of files');
  }
  for (const [key, items] of Object.entries(value)) {
    if (!Array.isArray(items)) throw new FakeSeedError(FAKE, key, 'give the folder an array of files');
    const folder = idOf(key);
    markFolder(state, folder);
    items.forEach((raw, i) => {
      const item = raw as Record<string, unknown> | null;
      if (!item || typeof item !== 'object' || typeof item.name !== 'string') {
        throw new FakeSeedError(FAKE, `${key}[${i}]`, 'a file is an object with a "name"');
      }
      const mimeType = typeof item.mimeType === 'string' ? item.mimeType : mimeTypeOf(item.name);
      const id = typeof item.id === 'string' && item.id !== '' ? item.id : nextItemId(state);
      if (mimeType === FOLDER_TYPE) markFolder(state, id);
      const data = item.data === undefined ? {} : { data: base64Of(item.data) };
      saveItem(state, {
        id,
        name: item.name,
        mimeType,
        parent: folder,
        ...data,
        createdTime: SEED_TIME,
        modifiedTime: SEED_TIME,
      });
    });
  }
}

function snapshot(state: FakeState): Record<string, unknown> {
  const out: Record<string, unknown[]> = {};
  for (const name of state.cursorNames(FAKE, 'folder:')) out[name.slice('folder:'.length)] = [];
  for (const item of itemsOf(state)) {
    const data = item.data === undefined ? {} : { data: Buffer.from(item.data, 'base64').toString('utf8') };
    const entry = { id: item.id, name: item.name, mimeType: item.mimeType, ...data };
    out[item.parent] = [...(out[item.parent] ?? []), entry];
  }
  return out;
}

export const googleDriveFake = defineFake({
  name: FAKE,
  description: 'Folders and files: upload, create a folder, move, copy, search, download, watch.',
  modules: {
    'google-drive:uploadAFile': uploadFile,
    'google-drive:createAFolder': createFolder,
    'google-drive:moveAFileIntoAFolder': moveFile,
    'google-drive:copyAFile': copyFile,
    'google-drive:searchForFilesFolders': searchFiles,
    'google-drive:getAFile': downloadFile,
    'google-drive:watchFilesInAFolder': watchFiles,
  },
  seed,
  snapshot,
});
