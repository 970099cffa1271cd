import { describe, expect, it } from 'vitest';
import { inOrder } from '../../../test-runner/in-order.ts';

describe('results reported in order whatever order they finish in', () => {
  it('holds a result back until every earlier one is in', () => {
    const seen: string[] = [];
    const emit = inOrder<string>(4, (index, value) => seen.push(`${index}:${value}`));
    emit(2, 'c');
    emit(1, 'b');
    expect(seen).toEqual([]);
    emit(0, 'a');
    expect(seen).toEqual(['0:a', '1:b', '2:c']);
    emit(3, 'd');
    expect(seen).toEqual(['0:a', '1:b', '2:c', '3:d']);
  });
});
