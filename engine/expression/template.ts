/**
 * Templates: literal text interleaved with `{{…}}` segments (Make's help: https://help.make.com/mapping).
 * Exactly one segment and nothing else keeps the value's type; anything mixed is rendered
 * with toText and concatenated; no segment at all is plain text.
 */
import { MakeError } from '../errors/make-error.ts';
import { toText } from './coerce.ts';
import { asMakeError, compileNode, type Evaluator } from './compile.ts';
import { functions as catalogue } from './functions/index.ts';
import type { FunctionSpec } from './functions/types.ts';
import { lexSegment } from './lexer.ts';
import { parseSegment } from './parser.ts';
import { sortedIds } from './sorted-ids.ts';
import type { CompiledTemplate, EvalContext } from './types.ts';

export interface TemplateOptions {
  /** The function catalogue; tests may pass their own. */
  readonly functions?: ReadonlyMap<string, FunctionSpec>;
}

type Part = string | Evaluator;

/** Throws ExpressionError (code + 0-based position in `source`) on a syntax error. */
export function compileTemplateWith(source: string, options: TemplateOptions = {}): CompiledTemplate {
  const references = new Set<number>();
  const env = { source, functions: options.functions ?? catalogue, references };
  const parts: Part[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open < 0) break;
    if (open > i) parts.push(source.slice(i, open));
    const { tokens, next } = lexSegment(source, open + 2, open);
    parts.push(compileNode(parseSegment(tokens, source), env));
    i = next;
  }
  if (i < source.length) parts.push(source.slice(i));
  return build(source, parts, sortedIds(references));
}

function build(source: string, parts: Part[], references: readonly number[]): CompiledTemplate {
  const first = parts[0];
  if (parts.length === 0 || (parts.length === 1 && typeof first === 'string')) {
    return { source, isDynamic: false, references, evaluate: () => source };
  }
  const evaluate = parts.length === 1 && typeof first === 'function' ? guarded(first) : concatenate(parts);
  return { source, isDynamic: true, references, evaluate };
}

/**
 * Joined, not `+=`: V8 represents `a + b` of 13 characters or more as a pair of the two strings,
 * which a run's full record then keeps alive for every bundle (bench/engine.bench.ts: a
 * `{{2.name}}-{{2.id}}` label costs about 97 bytes that way, 41 as one joined string). The texts
 * go into one array per template, reused: a part cannot evaluate its own template again.
 */
function concatenate(parts: readonly Part[]): Evaluator {
  const texts: string[] = parts.map((part) => (typeof part === 'string' ? part : ''));
  // Guarded here rather than by guarded(): one call less per template per bundle.
  return (ctx) => {
    try {
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i] as Part;
        if (typeof part !== 'string') texts[i] = toText(part(ctx));
      }
      return texts.join('');
    } catch (error) {
      throw asRunError(error);
    }
  };
}

/** Whatever goes wrong at run time reaches the caller as a MakeError (DataError by default). */
function guarded(evaluate: Evaluator): (ctx: EvalContext) => unknown {
  return (ctx) => {
    try {
      return evaluate(ctx);
    } catch (error) {
      throw asRunError(error);
    }
  };
}

function asRunError(error: unknown): MakeError {
  return error instanceof MakeError ? error : asMakeError(error);
}
