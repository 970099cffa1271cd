/**
 * Property tests: the compiler only ever throws ExpressionError, and evaluation of anything
 * that compiled only ever throws MakeError — whatever the input (DESIGN principle 7).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../../engine/errors/expression-error.ts';
import { MakeError } from '../../../engine/errors/make-error.ts';
import { compileFilter, compileTemplate, compileValue } from '../../../engine/expression/index.ts';
import type { CompiledTemplate, RawFilter } from '../../../engine/expression/types.ts';
import { evalContext } from './context.ts';

const TOKENS = [
  '{{',
  '}}',
  '1',
  '2',
  '.',
  'a',
  '`b c`',
  '`1`',
  '[',
  ']',
  '[]',
  '[-1]',
  '(',
  ')',
  ';',
  ',',
  '"x"',
  "'y'",
  '"',
  "'",
  '`',
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '!=',
  '<',
  '>=',
  'and',
  'or',
  '&&',
  '||',
  '!',
  'true',
  'null',
  'ignore',
  'erase',
  'now',
  'emptyarray',
  'var',
  'organization',
  'upper',
  'formatDate',
  'length',
  'if',
  'ifempty',
  'get',
  'map',
  'join',
  ' ',
  '\\',
  '__proto__',
  'constructor',
  '0',
  '0.5',
  '}',
  '{',
];

const imlish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((parts) => parts.join(''));
const templates = fc.oneof(
  fc.string(),
  fc.string().map((s) => `{{${s}}}`),
  imlish,
  imlish.map((s) => `{{${s}}}`),
);

function tryCompile(source: string): CompiledTemplate | undefined {
  try {
    return compileTemplate(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return undefined;
  }
}

const json = fc.jsonValue({ maxDepth: 4 });
const bundles = fc.record({
  a: json,
  b: fc.array(json, { maxLength: 4 }),
  c: fc.oneof(fc.string(), fc.double(), fc.date()),
});

describe('IML robustness', () => {
  it('the compiler throws nothing but ExpressionError', () => {
    fc.assert(
      fc.property(templates, (source) => {
        tryCompile(source);
      }),
      { numRuns: 2000 },
    );
  });

  it('evaluating a compiled template throws nothing but MakeError', () => {
    fc.assert(
      fc.property(templates, bundles, (source, bundle) => {
        const template = tryCompile(source);
        if (template === undefined) return;
        try {
          template.evaluate(evalContext({ 1: bundle, 2: [bundle] }));
        } catch (error) {
          expect(error).toBeInstanceOf(MakeError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('compileValue and compileFilter report problems instead of throwing, and evaluate to MakeErrors only', () => {
    const mapper = fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(templates, json), { maxKeys: 4 });
    const condition = fc.record({
      a: templates,
      o: fc.constantFrom('text:equal', 'number:greater', 'date:less', 'exist', 'nope'),
      b: templates,
    });
    fc.assert(
      fc.property(
        mapper,
        fc.array(fc.array(condition, { maxLength: 3 }), { maxLength: 3 }),
        bundles,
        (raw, groups, bundle) => {
          const ctx = evalContext({ 1: bundle });
          const value = compileValue(raw, '', () => {});
          const filter = compileFilter({ conditions: groups } as RawFilter, '', () => {});
          for (const run of [() => value.evaluate(ctx), () => filter.test(ctx)]) {
            try {
              run();
            } catch (error) {
              expect(error).toBeInstanceOf(MakeError);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
