/**
 * Google Drive fake writes: Upload a File (`uploadAFile`: `filename`, `data`, `folderId`),
 * Create a Folder (`createAFolder`: `name`, `folderId`), Move a File (`moveAFileIntoAFolder`:
 * `file`, `folderId`) and Copy a File (`copyAFile`: `file`, `name`, `folderId`).
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import type { FakeCall, FakeModule } from '../define-fake.ts';
import {
  type DriveItem,
  FOLDER_TYPE,
  fileBundle,
  findItem,
  folderOf,
  idOf,
  markFolder,
  mimeTypeOf,
  nextItemId,
  saveItem,
} from './drive.ts';

export const FILE_OUTPUT =
  '`{ kind, id, name, mimeType, parents[], createdTime, modifiedTime, webViewLink, webContentLink, size }` (Drive API `File`)';

/** Make's binary data are bytes; text is stored as its UTF-8 bytes. */
export function base64Of(data: unknown): string {
  if (Buffer.isBuffer(data) || data instanceof Uint8Array) return Buffer.from(data).toString('base64');
  if (data === undefined || data === null) return '';
  return Buffer.from(typeof data === 'string' ? data : JSON.stringify(data), 'utf8').toString('base64');
}

function required(call: FakeCall, name: string): string {
  const value = call.input[name];
  if (value === undefined || value === null || value === '') {
    throw new MakeError('DataError', `Missing value of required parameter '${name}'.`);
  }
  return String(value);
}

function newItem(call: FakeCall, fields: Omit<DriveItem, 'id' | 'createdTime' | 'modifiedTime'>): DriveItem {
  const now = call.now.toISOString();
  const item = { id: nextItemId(call.state), ...fields, createdTime: now, modifiedTime: now };
  saveItem(call.state, item);
  return item;
}

export const uploadFile: FakeModule = {
  kind: 'action',
  output: FILE_OUTPUT,
  run(call) {
    const name = required(call, 'filename');
    const parent = folderOf(call.state, call.input.folderId);
    const mimeType = mimeTypeOf(name);
    return [fileBundle(newItem(call, { name, mimeType, parent, data: base64Of(call.input.data) }))];
  },
};

export const createFolder: FakeModule = {
  kind: 'action',
  output: FILE_OUTPUT,
  run(call) {
    const name = required(call, 'name');
    const parent = folderOf(call.state, call.input.folderId);
    const folder = newItem(call, { name, mimeType: FOLDER_TYPE, parent });
    markFolder(call.state, folder.id);
    return [fileBundle(folder)];
  },
};

export const moveFile: FakeModule = {
  kind: 'action',
  output: FILE_OUTPUT,
  run(call) {
    const item = findItem(call.state, idOf(required(call, 'file')));
    const moved = {
      ...item,
      parent: folderOf(call.state, call.input.folderId),
      modifiedTime: call.now.toISOString(),
    };
    saveItem(call.state, moved);
    return [fileBundle(moved)];
  },
};

export const copyFile: FakeModule = {
  kind: 'action',
  output: FILE_OUTPUT,
  run(call) {
    const source = findItem(call.state, idOf(required(call, 'file')));
    const name = String(call.input.name || `Copy of ${source.name}`);
    const parent = call.input.folderId ? folderOf(call.state, call.input.folderId) : source.parent;
    const copy = newItem(call, {
      name,
      mimeType: source.mimeType,
      parent,
      ...(source.data ? { data: source.data } : {}),
    });
    return [fileBundle(copy)];
  },
};
