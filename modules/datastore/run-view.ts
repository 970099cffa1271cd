/**
 * One run's view of the data stores: the same stores and transactions, with every write made
 * while the run's id is known to the store, so the undo journal can file it under that run
 * (undo-journal.ts). Reads pass straight through. Classes, not object literals of closures: the
 * server builds a view for every run, and most runs never touch a data store.
 */
import type {
  DataStoreHandle,
  DataStoreInfo,
  DataStorePort,
  DataStoreRecord,
  DataStoreSearch,
} from '../../engine/ports/data-store.ts';

/** Runs one synchronous write with run `run`'s id set. */
export type AsRun = <T>(run: string, write: () => T) => T;

export function runView(port: DataStorePort, run: string, asRun: AsRun): DataStorePort {
  return new RunView(port, run, asRun);
}

class RunView implements DataStorePort {
  readonly #port: DataStorePort;
  readonly #run: string;
  readonly #asRun: AsRun;

  constructor(port: DataStorePort, run: string, asRun: AsRun) {
    this.#port = port;
    this.#run = run;
    this.#asRun = asRun;
  }

  store(ref: number | string): DataStoreHandle {
    return new RunHandle(this.#port.store(ref), this.#run, this.#asRun);
  }

  list(): DataStoreInfo[] {
    return this.#port.list();
  }

  begin(): void {
    this.#port.begin();
  }

  commit(): void {
    this.#port.commit();
  }

  rollback(): void {
    this.#port.rollback();
  }
}

class RunHandle implements DataStoreHandle {
  readonly #handle: DataStoreHandle;
  readonly #run: string;
  readonly #asRun: AsRun;

  constructor(handle: DataStoreHandle, run: string, asRun: AsRun) {
    this.#handle = handle;
    this.#run = run;
    this.#asRun = asRun;
  }

  get info(): DataStoreInfo {
    return this.#handle.info;
  }

  get(key: string) {
    return this.#handle.get(key);
  }

  has(key: string) {
    return this.#handle.has(key);
  }

  put(key: string, data: Record<string, unknown>): DataStoreRecord {
    return this.#asRun(this.#run, () => this.#handle.put(key, data));
  }

  delete(key: string) {
    return this.#asRun(this.#run, () => this.#handle.delete(key));
  }

  deleteAll() {
    return this.#asRun(this.#run, () => this.#handle.deleteAll());
  }

  search(query: DataStoreSearch) {
    return this.#handle.search(query);
  }

  count() {
    return this.#handle.count();
  }

  size() {
    return this.#handle.size();
  }
}
