/**
 * Text functions (Make's help: https://help.make.com/text-and-binary-functions; Help Center
 * https://help.make.com/text-and-binary-functions). `length` and `contains` also take arrays and
 * live in the array catalogue; hashes and encodings are in binary.ts.
 */
import { toBoolean } from '../coerce.ts';
import { boundedReplace, functionSite } from './regex-budget.ts';
import { compileRegexString } from './regex-string.ts';
import { argumentError, numberArg, textArg } from './text-args.ts';
import { escapeHtml, escapeJson, escapeMarkdown, stripHtml } from './text-escape.ts';
import { capitalizeFirst, keepAscii, removeDiacritics, replaceEmoji, startCase } from './text-transforms.ts';
import type { FunctionSpec } from './types.ts';

/** A one-argument text → text function. */
function textFn(name: string, transform: (text: string) => string): FunctionSpec {
  return { name, minArgs: 1, maxArgs: 1, impl: (args) => transform(textArg(args, 0)) };
}

/**
 * A plain-text search replaces every occurrence (our reading, docs/fidelity.md "`replace` with
 * plain text"; users rely on `replace(x; " "; "_")` for all spaces). Kept here so it can change in one place.
 */
export const PLAIN_REPLACE_ALL = true;

/**
 * `replace(text; search; replacement)`: `/pattern/flags` is a JavaScript regex (its own `g` flag
 * decides first vs all); replacement patterns `$&`, `$1`…`$99` work as in JavaScript. An empty
 * search changes nothing (JavaScript would insert the replacement between every character).
 */
function replaceImpl(args: unknown[]): string {
  const text = textArg(args, 0);
  const search = textArg(args, 1);
  const replacement = textArg(args, 2);
  if (search === '') return text;
  const regex = compileRegexString(search, 'replace', 2);
  if (regex !== undefined) return boundedReplace(text, regex, replacement, functionSite('replace'));
  return PLAIN_REPLACE_ALL ? text.replaceAll(search, replacement) : text.replace(search, replacement);
}

/**
 * `split(text; separator)`: literal separator, parts kept as they are (docs/fidelity.md, open question 7).
 */
function splitImpl(args: unknown[]): string[] {
  const text = textArg(args, 0);
  // A missing separator (undefined/null reference) gives the whole text, as JavaScript's split does.
  if (args[1] === undefined || args[1] === null) return [text];
  return text.split(textArg(args, 1));
}

/** `substring(text; start; end)`: 0-based, end exclusive, JavaScript `substring` rules. */
function substringImpl(args: unknown[]): string {
  const text = textArg(args, 0);
  const start = numberArg('substring', args, 1, 0);
  const end = numberArg('substring', args, 2, text.length);
  return text.substring(start, end);
}

/** `indexOf(text; value; [start])`: 0-based position, -1 when absent. */
function indexOfImpl(args: unknown[]): number {
  const start = numberArg('indexOf', args, 2, 0);
  return textArg(args, 0).indexOf(textArg(args, 1), start);
}

/** `ascii(text; [removeDiacritics])`: drop non-ASCII, optionally after transliterating accents. */
function asciiImpl(args: unknown[]): string {
  const text = textArg(args, 0);
  return keepAscii(toBoolean(args[1]) ? removeDiacritics(text) : text);
}

/** URL functions throw URIError on malformed input; Make reports "URI malformed" as an error. */
function urlFn(name: string, convert: (text: string) => string, fix: string): FunctionSpec {
  return textFn(name, (text) => {
    try {
      return convert(text);
    } catch {
      throw argumentError(name, 1, 'URI malformed.', fix);
    }
  });
}

export const textFunctions: FunctionSpec[] = [
  textFn('lower', (text) => text.toLowerCase()),
  textFn('upper', (text) => text.toUpperCase()),
  textFn('capitalize', capitalizeFirst),
  textFn('startcase', startCase),
  textFn('trim', (text) => text.trim()),
  textFn('escapeHTML', escapeHtml),
  textFn('escapeMarkdown', escapeMarkdown),
  textFn('escapeJSON', escapeJson),
  textFn('stripHTML', stripHtml),
  urlFn('encodeURL', encodeURIComponent, 'The text contains a broken UTF-16 surrogate; remove it first.'),
  urlFn(
    'decodeURL',
    decodeURIComponent,
    'Every "%" must start a valid escape such as %20; encode a literal % as %25.',
  ),
  { name: 'ascii', minArgs: 1, maxArgs: 2, impl: asciiImpl },
  { name: 'replace', minArgs: 3, maxArgs: 3, impl: replaceImpl },
  { name: 'split', minArgs: 2, maxArgs: 2, impl: splitImpl },
  { name: 'substring', minArgs: 2, maxArgs: 3, impl: substringImpl },
  { name: 'indexOf', minArgs: 2, maxArgs: 3, impl: indexOfImpl },
  {
    name: 'replaceEmojiCharacters',
    minArgs: 1,
    maxArgs: 2,
    // Without a replacement (the Help Center's one-argument form) emoji are removed.
    impl: (args) => replaceEmoji(textArg(args, 0), textArg(args, 1)),
  },
];
