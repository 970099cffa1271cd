/**
 * Google Drive folders and files as Make's Google Drive modules address them: a file or folder
 * by id, or by the path Make's "select" mode writes (`/folderA/folderB/id`: the id is its last
 * part); no folder means `root`. Every item lives in one collection with its parent; folders are
 * items of Drive's folder MIME type. Outputs follow the Drive API `File` resource.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import type { FakeState } from '../state.ts';

export const FAKE = 'google-drive';
export const ITEMS = 'items';
export const FOLDER_TYPE = 'application/vnd.google-apps.folder';

export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  parent: string;
  /** File content, base64 (Make's binary data are bytes). */
  data?: string;
  createdTime: string;
  modifiedTime: string;
}

/** `"/a/b/id"` → `"id"`; empty → `root`. */
export function idOf(value: unknown): string {
  const parts = String(value ?? '')
    .trim()
    .split('/')
    .filter((p) => p !== '');
  return parts.at(-1) ?? 'root';
}

export function itemsOf(state: FakeState): DriveItem[] {
  return state.list(FAKE, ITEMS).map((r) => r.data as unknown as DriveItem);
}

export function saveItem(state: FakeState, item: DriveItem): void {
  state.put(FAKE, ITEMS, item.id, item as unknown as Record<string, unknown>);
}

/** Drive answers 404 "File not found: <id>." for an unknown file or folder; Make: DataError. */
export function notFound(id: string): MakeError {
  return new MakeError('DataError', `[404] File not found: ${id}.`);
}

export function findItem(state: FakeState, id: string): DriveItem {
  const item = state.get(FAKE, ITEMS, id);
  if (!item) throw notFound(id);
  return item as unknown as DriveItem;
}

/** A folder the scenario names: `root`, a seeded folder or one it created. */
export function folderOf(state: FakeState, value: unknown): string {
  const id = idOf(value);
  if (id === 'root' || state.cursor(FAKE, `folder:${id}`) !== undefined) return id;
  const item = state.get(FAKE, ITEMS, id);
  if (item?.mimeType === FOLDER_TYPE) return id;
  throw notFound(id);
}

export function markFolder(state: FakeState, id: string): void {
  state.setCursor(FAKE, `folder:${id}`, '1');
}

/** Drive ids are 33 characters; ours count up so tests can name them. */
export function nextItemId(state: FakeState): string {
  const n = Number(state.cursor(FAKE, 'nextId') ?? 0) + 1;
  state.setCursor(FAKE, 'nextId', String(n));
  return `1fake${String(n).padStart(28, '0')}`;
}

const MIME_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  html: 'text/html',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The type Drive detects from the file name's extension. */
export function mimeTypeOf(name: string): string {
  const extension = name.includes('.') ? name.split('.').at(-1)?.toLowerCase() : undefined;
  return (extension && MIME_TYPES[extension]) || 'application/octet-stream';
}

/** The Drive API `File` resource, as Make's modules output it. */
export function fileBundle(item: DriveItem): Record<string, unknown> {
  const folder = item.mimeType === FOLDER_TYPE;
  return {
    kind: 'drive#file',
    id: item.id,
    name: item.name,
    mimeType: item.mimeType,
    parents: [item.parent],
    createdTime: item.createdTime,
    modifiedTime: item.modifiedTime,
    webViewLink: folder
      ? `https://drive.google.com/drive/folders/${item.id}`
      : `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`,
    ...(folder
      ? {}
      : {
          webContentLink: `https://drive.google.com/uc?id=${item.id}&export=download`,
          size: String(Buffer.from(item.data ?? '', 'base64').length),
        }),
  };
}
