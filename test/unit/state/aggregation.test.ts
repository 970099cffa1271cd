import { describe, expect, it } from 'vitest';
import type { ModuleNode } from '../../../engine/blueprint/scenario.ts';
import { Aggregation } from '../../../engine/state/aggregation.ts';

const aggregator = { id: 5, groupBy: null } as unknown as ModuleNode;

describe('Aggregation buckets (https://help.make.com/aggregator)', () => {
  it('gives each feeder operation a fresh bucket and restores the enclosing one', () => {
    const aggregation = new Aggregation();
    const outer = aggregation.open([aggregator], null);
    const inner = aggregation.open([aggregator], null);
    const [innerBucket] = aggregation.close([aggregator], inner);
    const [outerBucket] = aggregation.close([aggregator], outer);
    expect(innerBucket?.items).toEqual([]);
    expect(outerBucket).not.toBe(innerBucket);
  });

  it('records no group keys without group by', () => {
    const aggregation = new Aggregation();
    const saved = aggregation.open([aggregator], null);
    const [bucket] = aggregation.close([aggregator], saved);
    expect(bucket?.keys).toBeNull();
  });
});
