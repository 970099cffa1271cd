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

describe('MockBook: mocks that follow input', () => {
  it('answers by the first response whose deep-partial "when" matches the mapped input', () => {
    const book = new MockBook({
      'slack:CreateMessage': [
        { when: { channel: '#vip', meta: { tier: 'gold' } }, output: { ts: 'vip' } },
        { when: { channel: '#vip' }, output: { ts: 'vip-other' } },
        { output: { ts: 'default' } },
      ],
    });
    const n = node(4, 'slack:CreateMessage');
    expect(book.next(n, { channel: '#vip', meta: { tier: 'gold', x: 1 } })).toEqual([{ ts: 'vip' }]);
    expect(book.next(n, { channel: '#vip', meta: { tier: 'silver' } })).toEqual([{ ts: 'vip-other' }]);
    expect(book.next(n, { channel: '#general' })).toEqual([{ ts: 'default' }]);
    // One mock answers any number of calls: "when" lists are not consumed by call order.
    expect(book.next(n, { channel: '#vip', meta: { tier: 'gold' } })).toEqual([{ ts: 'vip' }]);
  });

  it('matches arrays by length and items, and dates by their ISO text', () => {
    const book = new MockBook({ '1': { when: { tags: ['a'], at: '2025-01-01T00:00:00.000Z' }, output: {} } });
    expect(book.next(node(1, 'a:b'), { tags: ['a'], at: new Date('2025-01-01T00:00:00Z') })).toEqual([{}]);
    expect(
      thrown(() => book.next(node(1, 'a:b'), { tags: ['a', 'b'], at: '2025-01-01T00:00:00.000Z' })),
    ).toMatchObject({ type: 'MissingMock' });
  });

  it('evaluates a jsonata "when" over the input', async () => {
    const book = new MockBook({
      '5': [
        { when: 'amount > 100 and currency = "EUR"', output: { tier: 'big' } },
        { when: 'amount <= 100', output: { tier: 'small' } },
      ],
    });
    await expect(book.next(node(5, 'a:b'), { amount: 500, currency: 'EUR' })).resolves.toEqual([
      { tier: 'big' },
    ]);
    await expect(book.next(node(5, 'a:b'), { amount: 5 })).resolves.toEqual([{ tier: 'small' }]);
    await expect(book.next(node(5, 'a:b'), { amount: 500, currency: 'USD' })).rejects.toMatchObject({
      type: 'MissingMock',
      details: { input: { amount: 500, currency: 'USD' } },
    });
  });

  it('stops with a setup error naming the module and showing the input when no "when" matches', () => {
    const book = new MockBook({ '6': { when: { channel: '#vip' }, output: {} } });
    const error = thrown(() => book.next(node(6, 'slack:CreateMessage'), { channel: '#random' }));
    expect(error).toBeInstanceOf(EngineStop);
    expect(error).toMatchObject({
      type: 'MissingMock',
      moduleId: 6,
      details: { input: { channel: '#random' } },
    });
    expect((error as Error).message).toContain('"#random"');
  });

  it('reports an invalid jsonata "when" as a setup error of that module', () => {
    const book = new MockBook({ '6': { when: 'amount >', output: {} } });
    expect(thrown(() => book.next(node(6, 'a:b'), {}))).toMatchObject({ type: 'MissingMock', moduleId: 6 });
  });

  it('calls a function mock with the input and the call, sync or async', async () => {
    const seen: unknown[] = [];
    const book = new MockBook({
      '7': (input, call) => {
        seen.push([input, call.n, call.key]);
        return { output: { echo: input.q, n: call.n } };
      },
      '8': async (input) => ({ output: [{ v: input.v }, { v: 2 }] }),
      '9': () => ({ error: { type: 'RateLimitError', message: 'slow' } }),
    });
    expect(book.next(node(7, 'a:b'), { q: 'x' })).toEqual([{ echo: 'x', n: 1 }]);
    expect(book.next(node(7, 'a:b'), { q: 'y' })).toEqual([{ echo: 'y', n: 2 }]);
    expect(seen).toEqual([
      [{ q: 'x' }, 1, 'a:b'],
      [{ q: 'y' }, 2, 'a:b'],
    ]);
    await expect(book.next(node(8, 'a:b'), { v: 1 })).resolves.toEqual([{ v: 1 }, { v: 2 }]);
    expect(thrown(() => book.next(node(9, 'a:b'), {}))).toMatchObject({ type: 'RateLimitError' });
  });

  it('refuses a function mock answer that is neither output nor error instead of answering nothing', () => {
    const book = new MockBook({ '7': (() => ({ rows: [] })) as never });
    expect(thrown(() => book.next(node(7, 'a:b'), {}))).toMatchObject({ type: 'MissingMock', moduleId: 7 });
  });
});
