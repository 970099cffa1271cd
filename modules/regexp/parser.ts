/**
 * Text parser > Match pattern (`regexp:Parser` v1), https://help.make.com/regexp. One bundle per match
 * (only the first unless `global`). Keys follow the output interface of real exports: unnamed
 * groups as `$1`, `$2`… (their group number), named groups by name; with `global`, `i` (1-based
 * match number) and `__IMTMATCH__` ("Fallback Match", the whole match). No match: one empty
 * bundle when `continueWhenNoRes`, else no bundle (the route stops).
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import { boundedMatches, type RegexMatch } from '../../engine/expression/functions/regex-budget.ts';
import { type Bundle, defineModule, type FieldDoc } from '../../engine/registry/define-module.ts';
import { buildRegExp, flagOf, optionsFrom, TEXT_PARSER_SITE, textOf } from './build-regexp.ts';

/**
 * Interfaces in exports show `i`/`__IMTMATCH__` only on global parsers; a non-global pattern
 * without groups would have no output at all, so we add `__IMTMATCH__` there too (our choice).
 */
function matchBundle(match: RegexMatch, named: readonly number[], index: number, global: boolean): Bundle {
  const bundle: Bundle = {};
  const { values } = match;
  for (let g = 1; g < values.length; g++) {
    if (!named.includes(g)) bundle[`$${g}`] = values[g] ?? '';
  }
  for (const [name, value] of Object.entries(match.groups ?? {})) bundle[name] = value ?? '';
  if (global) bundle.i = index + 1;
  if (global || values.length === 1) bundle.__IMTMATCH__ = values[0];
  return bundle;
}

/** Numbers of the named capture groups of `pattern`, by scanning for `(?<name>` in order of `(`. */
export function namedGroupNumbers(pattern: string): number[] {
  const out: number[] = [];
  let group = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      continue;
    }
    if (ch !== '(') continue;
    if (pattern[i + 1] !== '?') group++;
    else if (pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') out.push(++group);
  }
  return out;
}

export function matchPattern(parameters: Readonly<Record<string, unknown>>, text: unknown): Bundle[] {
  const options = optionsFrom(parameters);
  const regexp = buildRegExp(parameters.pattern, options);
  const named = namedGroupNumbers(String(parameters.pattern));
  const ignoreLoops = flagOf(parameters.ignoreInfiniteLoopsWhenGlobal, false);
  const bundles: Bundle[] = [];
  const input = textOf(text);
  const limit = options.global ? Number.POSITIVE_INFINITY : 1;
  for (const match of boundedMatches(regexp, input, limit, TEXT_PARSER_SITE)) {
    if (options.global && match.values[0] === '') {
      if (ignoreLoops) continue;
      throw new MakeError(
        'RuntimeError',
        'The pattern matches an empty string, so a global search would never end. Turn on "Ignore infinite loops" or change the pattern.',
        {
          code: 'infinite-loop',
        },
      );
    }
    bundles.push(matchBundle(match, named, bundles.length, options.global));
  }
  if (bundles.length === 0 && flagOf(parameters.continueWhenNoRes, false)) return [{}];
  return bundles;
}

/** The match options both Match pattern modules take in their parameters. */
export const MATCH_OPTIONS: readonly FieldDoc[] = [
  { name: 'global', type: 'boolean', default: false, description: 'All matches (else only the first).' },
  { name: 'sensitive', type: 'boolean', default: true, description: 'Case sensitive.' },
  { name: 'multiline', type: 'boolean', default: false, description: '^ and $ match at line breaks.' },
  { name: 'singleline', type: 'boolean', default: false, description: '. matches newlines.' },
  {
    name: 'continueWhenNoRes',
    type: 'boolean',
    default: false,
    description: 'Output one empty bundle when nothing matches.',
  },
];

export default defineModule({
  key: 'regexp:Parser',
  versions: [1],
  kind: 'action',
  label: 'Text parser > Match pattern',
  description: 'Finds regular-expression matches in a text; one bundle per match.',
  fidelity: 'partial',
  fidelityNotes:
    'JavaScript regex syntax. `i` is 1-based. `__IMTMATCH__` is added for global parsers and for patterns without groups; ' +
    'unmatched optional groups are "". A global pattern matching "" fails unless ignoreInfiniteLoopsWhenGlobal (then empty matches are skipped).',
  parameters: [
    { name: 'pattern', type: 'text', required: true, description: 'Regular expression.' },
    ...MATCH_OPTIONS,
    {
      name: 'ignoreInfiniteLoopsWhenGlobal',
      type: 'boolean',
      default: false,
      description: 'Skip empty matches in global mode.',
    },
  ],
  mapper: [{ name: 'text', type: 'text', required: true, description: 'Text to search.' }],
  output: 'One bundle per match: `$1`…, named groups, and (global) `i`, `__IMTMATCH__`.',
  run: (call) => matchPattern(call.parameters, call.input.text),
});
