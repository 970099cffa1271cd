/**
 * Loads a served webhook with numbered requests (`{"n": …}`) and waits for its queue to drain:
 * the shared drive of the exactly-once tests and the integrity bench.
 */
import { Pool } from 'undici';
import type { Child } from './child-server.ts';

export interface NumberedLoad {
  /** The next n to send and the first n not to send; `next` advances as requests go out. */
  range: { next: number; end: number };
  concurrency: number;
  /** Stops sending once it returns true for the count acknowledged so far. */
  until?: (acked: number) => boolean;
  /** Collects why each request that was not acknowledged was not. */
  refusals?: string[];
}

/** Sends the requests to the child's first hook; returns the n answered `200 Accepted`. */
export async function sendNumbered(child: Child, load: NumberedLoad): Promise<number[]> {
  const pool = new Pool(child.url, { connections: load.concurrency });
  const acked: number[] = [];
  const { range } = load;
  const worker = async () => {
    while (range.next < range.end && !load.until?.(acked.length)) {
      const n = range.next++;
      try {
        const res = await pool.request({
          method: 'POST',
          path: `/${child.udids[0]}`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ n }),
        });
        const text = await res.body.text();
        if (res.statusCode === 200 && text === 'Accepted') acked.push(n);
        else load.refusals?.push(`${res.statusCode} ${text}`);
      } catch (error) {
        // refused or reset (a kill): not acknowledged
        load.refusals?.push(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: load.concurrency }, worker));
  await pool.close().catch(() => undefined);
  return acked;
}

/** Waits until hook 1's queue is empty, polling the API every 100 ms for up to `seconds`. */
export async function drained(child: Child, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 10; i++) {
    const res = await fetch(`${child.url}/api/v2/hooks/1/incomings/stats`, {
      headers: { authorization: `Token ${child.token}` },
    });
    const body = (await res.json()) as { incomingStat: { queue: number } };
    if (body.incomingStat.queue === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the queue did not drain in ${seconds} s`);
}
