/**
 * Google Drive fake reads: Search for Files/Folders (`searchForFilesFolders`: `searchType`
 * "title" with `operator` "contains" or "=", `retrieve` file/folder/file_folder, `folderId`,
 * `limit`), Download a File (`getAFile`) and Watch Files in a Folder (`watchFilesInAFolder`,
 * `select` "create": files not answered before, up to `limit`, of `mimeType` unless "all").
 */
import { SetupError } from '../../engine/errors/setup-error.ts';
import type { FakeCall, FakeModule } from '../define-fake.ts';
import { type DriveItem, FAKE, FOLDER_TYPE, fileBundle, findItem, folderOf, idOf, itemsOf } from './drive.ts';
import { FILE_OUTPUT } from './write.ts';

function limitOf(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : Number.POSITIVE_INFINITY;
}

function unsupported(what: string): SetupError {
  return new SetupError(
    'unsupported-fake-input',
    `the google-drive fake does not model ${what}. Mock this module instead (mocks.<id>).`,
  );
}

const NAME_TESTS: Record<string, (name: string, query: string) => boolean> = {
  // Drive's name `contains` is case-insensitive (docs/fidelity.md: we match any substring).
  contains: (name, query) => name.toLowerCase().includes(query.toLowerCase()),
  '=': (name, query) => name === query,
  '!=': (name, query) => name !== query,
};

function kindFilter(retrieve: unknown): (item: DriveItem) => boolean {
  if (retrieve === 'folder') return (item) => item.mimeType === FOLDER_TYPE;
  if (retrieve === 'file' || retrieve === undefined) return (item) => item.mimeType !== FOLDER_TYPE;
  if (retrieve === 'file_folder') return () => true;
  throw unsupported(`retrieve ${JSON.stringify(retrieve)}`);
}

export const searchFiles: FakeModule = {
  kind: 'search',
  output: FILE_OUTPUT,
  run(call) {
    const searchType = call.input.searchType ?? 'title';
    if (searchType !== 'title') throw unsupported(`searchType ${JSON.stringify(searchType)} (only "title")`);
    const operator = String(call.input.operator ?? 'contains');
    const test = NAME_TESTS[operator];
    if (!test) throw unsupported(`the name operator ${JSON.stringify(operator)}`);
    const query = String(call.input.query ?? '');
    const folder = call.input.folderId ? folderOf(call.state, call.input.folderId) : undefined;
    const ofKind = kindFilter(call.input.retrieve);
    return itemsOf(call.state)
      .filter(
        (item) => ofKind(item) && (folder === undefined || item.parent === folder) && test(item.name, query),
      )
      .slice(0, limitOf(call.input.limit))
      .map(fileBundle);
  },
};

/** Make's download answers the file's content as binary `data` with its name and metadata. */
export const downloadFile: FakeModule = {
  kind: 'action',
  output: '`{ …File, data (binary), fileSize }` — `name`, `data`, `id`, `webContentLink` attested',
  run(call: FakeCall) {
    const item = findItem(call.state, idOf(call.input.file));
    const data = Buffer.from(item.data ?? '', 'base64');
    return [{ ...fileBundle(item), data, fileSize: data.length }];
  },
};

export const watchFiles: FakeModule = {
  kind: 'trigger',
  output: FILE_OUTPUT,
  run(call) {
    const option = (name: string) => call.input[name] ?? call.parameters[name];
    if ((option('select') ?? 'create') !== 'create')
      throw unsupported(`watching ${JSON.stringify(option('select'))} (only "create")`);
    const folder = folderOf(call.state, option('folderId'));
    const mimeType = String(option('mimeType') ?? 'all');
    const cursorName = `watch:${call.moduleId}:${folder}`;
    const seen = new Set<string>(JSON.parse(call.state.cursor(FAKE, cursorName) ?? '[]'));
    const fresh = itemsOf(call.state)
      .filter((item) => item.parent === folder && item.mimeType !== FOLDER_TYPE && !seen.has(item.id))
      .filter((item) => mimeType === 'all' || item.mimeType === mimeType)
      .slice(0, limitOf(option('limit')));
    for (const item of fresh) seen.add(item.id);
    call.state.setCursor(FAKE, cursorName, JSON.stringify([...seen]));
    return fresh.map(fileBundle);
  },
};
