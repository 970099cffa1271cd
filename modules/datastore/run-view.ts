/**
 * One run's view of the data stores: the same stores and transactions, with every write made
 * while the run's id is known to the store, so the undo journal can file it under that run
 * (undo-journal.ts). Reads pass straight through.
 */
import type {
  DataStoreHandle,
  DataStoreInfo,
  DataStorePort,
  DataStoreRecord,
  DataStoreSearch,
} from '../../engine/ports/data-store.ts';

/** Runs one synchronous write with the run's id set. */
type AsRun = <T>(write: () => T) => T;

export function runView(port: DataStorePort, asRun: AsRun): DataStorePort {
  return {
    store: (ref) => runHandle(port.store(ref), asRun),
    list: () => port.list(),
    begin: () => port.begin(),
    commit: () => port.commit(),
    rollback: () => port.rollback(),
  };
}

function runHandle(handle: DataStoreHandle, asRun: AsRun): DataStoreHandle {
  return {
    get info(): DataStoreInfo {
      return handle.info;
    },
    get: (key: string) => handle.get(key),
    has: (key: string) => handle.has(key),
    put: (key: string, data: Record<string, unknown>): DataStoreRecord => asRun(() => handle.put(key, data)),
    delete: (key: string) => asRun(() => handle.delete(key)),
    deleteAll: () => asRun(() => handle.deleteAll()),
    search: (query: DataStoreSearch) => handle.search(query),
    count: () => handle.count(),
    size: () => handle.size(),
  };
}
