/**
 * The fakes' state of one test case or library run, in plain maps: the answers of
 * SqliteFakeState (state.ts) without a database, since a case's state ends with the case.
 * Data is kept as JSON text, as the table keeps it, so every read is a fresh copy and a value
 * JSON cannot hold reads back as it would from the database.
 */
import { asciiLower, type FakeRecord, type FakeState } from './state.ts';

/** fake → collection → id → JSON text; a Map keeps insertion order, and `set` on a key keeps its place. */
type Records = Map<string, Map<string, Map<string, string>>>;

export class MemoryFakeState implements FakeState {
  readonly #records: Records = new Map();
  /** fake → cursor name → value. */
  readonly #cursors = new Map<string, Map<string, string>>();

  readingAll<T>(read: () => T): T {
    return read();
  }

  list(fake: string, collection: string): FakeRecord[] {
    const rows = this.#records.get(fake)?.get(collection);
    if (rows === undefined) return [];
    return Array.from(rows, ([id, text]) => ({ id, data: JSON.parse(text) }));
  }

  get(fake: string, collection: string, id: string): Record<string, unknown> | undefined {
    const text = this.#records.get(fake)?.get(collection)?.get(id);
    return text === undefined ? undefined : JSON.parse(text);
  }

  put(fake: string, collection: string, id: string, data: Record<string, unknown>): void {
    const byCollection = entry(this.#records, fake, () => new Map<string, Map<string, string>>());
    entry(byCollection, collection, () => new Map<string, string>()).set(id, JSON.stringify(data));
  }

  remove(fake: string, collection: string, id: string): boolean {
    const byCollection = this.#records.get(fake);
    const rows = byCollection?.get(collection);
    if (rows === undefined || !rows.delete(id)) return false;
    // A collection exists while it holds a record, as a table's DISTINCT collection does.
    if (rows.size === 0) byCollection?.delete(collection);
    return true;
  }

  collections(fake: string): string[] {
    return [...(this.#records.get(fake)?.keys() ?? [])].sort(byCodePoints);
  }

  cursor(fake: string, name: string): string | undefined {
    return this.#cursors.get(fake)?.get(name);
  }

  cursorNames(fake: string, prefix: string): string[] {
    const wanted = asciiLower(prefix.replace(/[%_]/g, ''));
    const names = [...(this.#cursors.get(fake)?.keys() ?? [])];
    return names.filter((name) => asciiLower(name).startsWith(wanted)).sort(byCodePoints);
  }

  setCursor(fake: string, name: string, value: string): void {
    entry(this.#cursors, fake, () => new Map<string, string>()).set(name, value);
  }

  /**
   * Nothing to release: the maps go with the last reference. They stay readable after the run,
   * so a library run's `fakes` is read when asked for (test-runner/library.ts).
   */
  close(): void {}
}

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * SQLite's ORDER BY on text compares UTF-8 bytes, which is code point order; JavaScript's default
 * sort compares UTF-16 units, which puts U+E000–U+FFFF after the surrogate pairs of U+10000 and up.
 */
function byCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const diff = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
}
