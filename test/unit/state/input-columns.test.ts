/**
 * InputColumns: a call's input kept as its mapper's field values must read back as the object
 * the module was given — nested objects and arrays, fields left out by a missing reference, an
 * input that was not built by evaluate.
 */
import { describe, expect, it } from 'vitest';
import type { ExpressionError } from '../../../engine/errors/expression-error.ts';
import { compileValue } from '../../../engine/expression/index.ts';
import { EVALUATED_FIELDS, InputColumns } from '../../../engine/state/input-columns.ts';
import { evalContext } from '../expression/context.ts';

/** The value of variable `k` in an input built from the mapper above. */
const variable = (input: Record<string, unknown> | undefined, k: number) =>
  (input?.variables as { value: unknown }[] | undefined)?.[k]?.value;

const noErrors = (pointer: string, error: ExpressionError) => {
  throw new Error(`unexpected error at ${pointer}: ${error.message}`);
};

const mapper = () =>
  compileValue(
    {
      scope: 'roundtrip',
      variables: [
        { name: 'a', value: '{{1.x}}' },
        { name: 'b', value: '{{1.y}}-{{1.x}}' },
        { name: 'c', value: '{{1.missing}}' },
      ],
      list: ['{{1.missing}}', 'fixed', '{{1.x}}'],
      none: '{{1.missing}}',
    },
    '/flow/1/mapper',
    noErrors,
  );

describe('InputColumns', () => {
  it('gives back each evaluated input equal to what evaluate returned, as a fresh object', () => {
    const columns = new InputColumns(mapper());
    const given: Record<string, unknown>[] = [];
    const shared = { deep: [1, 2] };
    for (const bundle of [
      { x: 1, y: 'p' },
      { x: shared, y: 'q' },
    ]) {
      const input = columns.evaluate(evalContext({ 1: bundle }));
      given.push(structuredClone(input));
      columns.push(input);
    }
    const inputs = columns.materialize();
    expect(inputs).toEqual(given);
    expect(inputs[0]).toEqual({
      scope: 'roundtrip',
      variables: [
        { name: 'a', value: 1 },
        { name: 'b', value: 'p-1' },
        // A field whose formula gives nothing is left out, as evaluate leaves it out.
        { name: 'c' },
      ],
      // The missing reference is left out of the array, as evaluate leaves it out.
      list: ['fixed', 1],
    });
    // The field values themselves are the module's, not copies.
    expect(variable(inputs[1], 0)).toBe(shared);
  });

  it('keeps an input it did not build (a failed mapper, an evaluation in between) whole', () => {
    const columns = new InputColumns(mapper());
    const first = columns.evaluate(evalContext({ 1: { x: 1, y: 'p' } }));
    // Another evaluation of the same module before the first call is recorded.
    const second = columns.evaluate(evalContext({ 1: { x: 2, y: 'q' } }));
    columns.push(first);
    columns.push(second);
    columns.push({ items: 3 });
    const inputs = columns.materialize();
    expect(inputs[0]).toBe(first);
    expect(variable(inputs[1], 0)).toBe(2);
    expect(inputs[2]).toEqual({ items: 3 });
  });

  it('keeps a mapped "__proto__" key a plain field', () => {
    const columns = new InputColumns(
      compileValue(JSON.parse('{"item": {"__proto__": "{{1.x}}"}}'), '', noErrors),
    );
    const input = columns.evaluate(evalContext({ 1: { x: { polluted: true } } }));
    columns.push(input);
    const [rebuilt] = columns.materialize();
    const item = rebuilt?.item as object;
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(Object.hasOwn(item, '__proto__')).toBe(true);
  });

  it('records a call run on its field values as the input evaluate would have built', () => {
    const columns = new InputColumns(mapper());
    const ctx = evalContext({ 1: { x: 7, y: 'r' } });
    const expected = structuredClone(columns.evaluate(ctx));
    const values = columns.evaluateFields(ctx);
    expect(values).toEqual([7, 'r-7', undefined, undefined, 7, undefined]);
    columns.push(EVALUATED_FIELDS);
    expect(columns.materialize()).toEqual([expected]);
  });

  it('gives a module without a mapper an empty input per call', () => {
    const columns = new InputColumns(null);
    columns.push(columns.evaluate(evalContext()));
    columns.push(columns.evaluate(evalContext()));
    expect(columns.materialize()).toEqual([{}, {}]);
  });
});
