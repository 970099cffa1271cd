import { describe, expect, it } from 'vitest';
import type { ModuleNode } from '../../../engine/blueprint/scenario.ts';
import { EngineStop } from '../../../engine/state/limits.ts';
import { MockBook } from '../../../engine/state/mocks.ts';

function node(id: number, key: string, raw: Record<string, unknown> = {}): ModuleNode {
  return { id, key, label: undefined, raw } as unknown as ModuleNode;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('MockBook (DESIGN "Mocks")', () => {
  it('prefers a mock by id over a mock by key', () => {
    const book = new MockBook({ 'app:x': { output: { by: 'key' } }, '4': { output: { by: 'id' } } });
    expect(book.next(node(4, 'app:x'))).toEqual([{ by: 'id' }]);
    expect(book.next(node(5, 'app:x'))).toEqual([{ by: 'key' }]);
  });

  it('answers every call with a single response, and by call order with an array', () => {
    const book = new MockBook({
      '1': { output: [{ a: 1 }, { a: 2 }] },
      '2': [{ output: { n: 1 } }, { output: { n: 2 } }],
    });
    expect(book.next(node(1, 'a:b'))).toEqual([{ a: 1 }, { a: 2 }]);
    expect(book.next(node(1, 'a:b'))).toEqual([{ a: 1 }, { a: 2 }]);
    expect(book.next(node(2, 'a:b'))).toEqual([{ n: 1 }]);
    expect(book.next(node(2, 'a:b'))).toEqual([{ n: 2 }]);
  });

  it('fails loudly on a call past the end of a sequence, naming the call number', () => {
    const book = new MockBook({ '2': [{ output: {} }] });
    book.next(node(2, 'a:b'));
    const error = thrown(() => book.next(node(2, 'a:b')));
    expect(error).toBeInstanceOf(EngineStop);
    expect(error).toMatchObject({ type: 'MissingMock', moduleId: 2, details: { call: 2 } });
  });

  it('throws the mocked MakeError', () => {
    const book = new MockBook({ '3': { error: { type: 'RateLimitError', message: 'slow down' } } });
    expect(thrown(() => book.next(node(3, 'a:b')))).toMatchObject({
      type: 'RateLimitError',
      message: 'slow down',
    });
  });

  it('shows the mock to write from the module interface when none is given', () => {
    const raw = {
      metadata: {
        interface: [
          { name: 'id', type: 'number' },
          { name: 'name', type: 'text' },
        ],
      },
    };
    const error = thrown(() => new MockBook({}).next(node(7, 'crm:createLead', raw)));
    expect(error).toMatchObject({
      type: 'MissingMock',
      moduleId: 7,
      details: { skeleton: { '7': { output: { id: 0, name: '' } } } },
    });
  });
});
