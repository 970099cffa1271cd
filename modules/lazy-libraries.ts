/**
 * Libraries that only a few modules use, loaded when first used instead of when the module
 * registry (modules/index.ts) is imported. Every `makesim run` and `makesim test` imports the
 * whole registry; loading undici and fast-xml-parser up front cost about 240 ms of CPU in a
 * scenario that makes no HTTP call (issue 14 §2, bench/cli.bench.ts). Both have a CommonJS
 * entry, so they load synchronously here and callers stay synchronous. postal-mime is used only
 * in async code: mail-to-bundle.ts imports it there. better-sqlite3 (the data stores' database)
 * loads a native addon, and `makesim run` opens no database unless the scenario uses a store.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let undiciLibrary: typeof import('undici') | undefined;
let xmlLibrary: typeof import('fast-xml-parser') | undefined;
let sqliteLibrary: typeof import('better-sqlite3') | undefined;

/** undici: the HTTP client of the HTTP modules (and its FormData for multipart bodies). */
export function undici(): typeof import('undici') {
  undiciLibrary ??= require('undici') as typeof import('undici');
  return undiciLibrary;
}

/** fast-xml-parser: XML responses of the HTTP modules. */
export function fastXmlParser(): typeof import('fast-xml-parser') {
  xmlLibrary ??= require('fast-xml-parser') as typeof import('fast-xml-parser');
  return xmlLibrary;
}

/** better-sqlite3: the SQLite database of the data stores. */
export function betterSqlite3(): typeof import('better-sqlite3') {
  sqliteLibrary ??= require('better-sqlite3') as typeof import('better-sqlite3');
  return sqliteLibrary;
}
