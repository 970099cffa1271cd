import { describe, expect, it } from 'vitest';
import { defineModule } from '../../../engine/registry/define-module.ts';
import { CENTICREDITS_PER_OPERATION, COUNTING_RULES, chargeFor } from '../../../engine/runtime/operations.ts';

const ai = defineModule({
  key: 'ai:Ask',
  versions: [1],
  kind: 'action',
  label: 'AI',
  description: 'x',
  fidelity: 'full',
  output: 'x',
  centicredits: 1000,
});

describe('counting table (https://help.make.com/operations)', () => {
  it('charges triggers, actions, searches, iterators, aggregators and responders 1 operation = 1 credit', () => {
    for (const kind of [
      'trigger',
      'instant-trigger',
      'action',
      'search',
      'iterator',
      'aggregator',
      'responder',
    ] as const) {
      expect(chargeFor(kind, undefined)).toEqual({ operations: 1, centicredits: CENTICREDITS_PER_OPERATION });
    }
  });

  it('charges routers and error directives nothing', () => {
    expect(chargeFor('router', undefined)).toEqual({ operations: 0, centicredits: 0 });
    expect(chargeFor('directive', undefined)).toEqual({ operations: 0, centicredits: 0 });
  });

  it('counts If-else and Merge operations without credits (https://help.make.com/if-else-and-merge)', () => {
    expect(chargeFor('if-else', undefined)).toEqual({ operations: 1, centicredits: 0 });
    expect(chargeFor('merge', undefined)).toEqual({ operations: 1, centicredits: 0 });
  });

  it('lets a module override its credits per operation', () => {
    expect(chargeFor('action', ai)).toEqual({ operations: 1, centicredits: 1000 });
  });

  it('has a rule for every module kind', () => {
    expect(Object.keys(COUNTING_RULES).sort()).toEqual(
      [
        'action',
        'aggregator',
        'directive',
        'if-else',
        'instant-trigger',
        'iterator',
        'merge',
        'responder',
        'router',
        'search',
        'trigger',
      ].sort(),
    );
  });
});
