/**
 * Edits of one scenario are written in the order they arrived, however long each takes to load
 * (server/runner/edit-order.ts); edits of other scenarios do not wait for them.
 */
import { describe, expect, it } from 'vitest';
import { EditOrder } from '../../../../server/runner/edit-order.ts';

/** A load the test finishes (or fails) when it chooses. */
function pending<T>() {
  let finish: (value: T) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { promise, finish, fail };
}

const turns = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('EditOrder', () => {
  it('writes a later edit that loaded first only after the earlier one is written', async () => {
    const order = new EditOrder();
    const written: string[] = [];
    const slow = pending<string>();
    const first = order.run(
      1,
      () => slow.promise,
      (v) => written.push(v),
    );
    const second = order.run(
      1,
      async () => 'small',
      (v) => written.push(v),
    );
    await turns();
    expect(written).toEqual([]);
    slow.finish('big');
    await Promise.all([first, second]);
    expect(written).toEqual(['big', 'small']);
  });

  it('keeps the order past an edit whose load fails, and rejects only that edit', async () => {
    const order = new EditOrder();
    const written: string[] = [];
    const slow = pending<string>();
    const failing = pending<string>();
    const first = order.run(
      1,
      () => slow.promise,
      (v) => written.push(v),
    );
    const second = order.run(
      1,
      () => failing.promise,
      (v) => written.push(v),
    );
    const third = order.run(
      1,
      async () => 'last',
      (v) => written.push(v),
    );
    failing.fail(new Error('does not load'));
    await turns();
    // The failed second edit must not let the third overtake the first.
    expect(written).toEqual([]);
    slow.finish('first');
    await expect(second).rejects.toThrow('does not load');
    await Promise.all([first, third]);
    expect(written).toEqual(['first', 'last']);
  });

  it('does not make an edit of another scenario wait', async () => {
    const order = new EditOrder();
    const slow = pending<string>();
    void order.run(
      1,
      () => slow.promise,
      () => undefined,
    );
    expect(
      await order.run(
        2,
        async () => 'other',
        (v) => v,
      ),
    ).toBe('other');
    slow.finish('done');
  });
});
