/** Small concurrency helpers of run-suite.ts. */

/** Delivers values given by index in index order: each as soon as all before it are in. */
export function inOrder<T>(
  count: number,
  deliver: (index: number, value: T) => void,
): (index: number, value: T) => void {
  const waiting = new Array<T | undefined>(count);
  let next = 0;
  return (index, value) => {
    waiting[index] = value;
    while (next < count && waiting[next] !== undefined) {
      deliver(next, waiting[next] as T);
      waiting[next++] = undefined;
    }
  };
}

/** Runs `work` over `items` with at most `size` in flight. */
export async function inPool<T>(
  items: readonly T[],
  size: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  });
  await Promise.all(workers);
}
