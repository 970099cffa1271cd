// Runs SQLite WAL checkpoints for the server database on its own thread (see checkpointer.ts).
// Plain JavaScript: worker threads do not inherit the tsx loader that runs the TypeScript sources.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
// PASSIVE never waits for the writer: it copies what it can and leaves the rest for next time.
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(checkpoint, workerData.intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
});
