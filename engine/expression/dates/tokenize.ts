/**
 * Splits a Make date format (`"DD.MM.YYYY [at] HH:mm"`) into tokens and literal text
 * (Make's help: https://help.make.com/tokens-for-datetime-formatting,
 * https://help.make.com/tokens-for-datetime-parsing: Make's tokens are Moment.js tokens). Like Moment: `[…]`
 * is literal text, `\x` is the literal character x, the long formats (`L`, `LLL`, `LT`…) expand
 * first, and at each position the first matching alternative below wins — so `YYY` is `YY`
 * followed by `Y`, and letters that are no token (`T` in `YYYY-MM-DDTHH:mm`) stay literal.
 */
import { LONG_FORMATS } from './locale-en.ts';

export type FormatPart = { kind: 'token'; token: string } | { kind: 'literal'; text: string };

/** Alternatives in Moment's order; single letters last. */
const TOKEN_ALTERNATIVES = [
  'Hmmss',
  'Hmm',
  'hmmss',
  'hmm',
  'Mo',
  'MMMM',
  'MMM',
  'MM',
  'Do',
  'DDDo',
  'DDDD',
  'DDD',
  'DD',
  'dddd',
  'ddd',
  'dd',
  'do',
  'wo',
  'ww',
  'Wo',
  'WW',
  'Qo',
  'YYYYYY',
  'YYYYY',
  'YYYY',
  'YY',
  'ggggg',
  'gggg',
  'gg',
  'GGGGG',
  'GGGG',
  'GG',
  'hh',
  'HH',
  'kk',
  'mm',
  'ss',
  'S{1,9}',
  'zz',
  'ZZ',
  '[YQMDdwWeEaAhHkmsxXzZ]',
];

const PART = new RegExp(
  `(\\[[^\\[]*\\])|\\\\(.)|(${TOKEN_ALTERNATIVES.join('|')})|(LTS|LT|LL?L?L?|l{1,4})`,
  'y',
);

const MAX_EXPANSION_DEPTH = 2;

/** The parts of `format`, adjacent literals merged. */
/** Formats seen before: a blueprint uses a handful, evaluated once per bundle. Parts are not mutated by callers. */
const tokenized = new Map<string, readonly FormatPart[]>();
const TOKENIZED_LIMIT = 1000;

const tokenizedForParsing = new Map<string, readonly FormatPart[]>();

/** The parts of a format string, cached (see `tokenizeUncached`). */
export function tokenize(format: string): readonly FormatPart[] {
  return cached(tokenized, format, true);
}

/**
 * The parts as Moment's parser sees them: literals NOT merged — each character is its own
 * literal, a `[…]` group one literal — because Moment looks for each one separately.
 */
export function tokenizeForParsing(format: string): readonly FormatPart[] {
  return cached(tokenizedForParsing, format, false);
}

function cached(
  cache: Map<string, readonly FormatPart[]>,
  format: string,
  merge: boolean,
): readonly FormatPart[] {
  let parts = cache.get(format);
  if (parts === undefined) {
    if (cache.size >= TOKENIZED_LIMIT) cache.clear();
    parts = tokenizeUncached(format, 0, merge);
    cache.set(format, parts);
  }
  return parts;
}

function tokenizeUncached(format: string, depth: number, merge: boolean): FormatPart[] {
  const parts: FormatPart[] = [];
  const pushLiteral = (text: string) => {
    const last = parts.at(-1);
    if (merge && last?.kind === 'literal') last.text += text;
    else parts.push({ kind: 'literal', text });
  };
  let pos = 0;
  while (pos < format.length) {
    PART.lastIndex = pos;
    const m = PART.exec(format);
    if (m === null) {
      pushLiteral(format.charAt(pos));
      pos += 1;
      continue;
    }
    pos = PART.lastIndex;
    if (m[1] !== undefined) pushLiteral(m[1].slice(1, -1));
    else if (m[2] !== undefined) pushLiteral(m[2]);
    else if (m[3] !== undefined) parts.push({ kind: 'token', token: m[3] });
    else if (m[4] !== undefined) {
      for (const p of expandLong(m[4], depth, merge)) {
        if (p.kind === 'token') parts.push(p);
        else pushLiteral(p.text);
      }
    }
  }
  return parts;
}

function expandLong(name: string, depth: number, merge: boolean): FormatPart[] {
  const expansion = LONG_FORMATS[name];
  if (expansion === undefined || depth >= MAX_EXPANSION_DEPTH) return [{ kind: 'literal', text: name }];
  return tokenizeUncached(expansion, depth + 1, merge);
}
