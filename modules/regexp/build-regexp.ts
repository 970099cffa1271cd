/**
 * The Text parser's pattern options (https://help.make.com/regexp, https://apps.make.com/regexp): `global`
 * (all matches), `sensitive` (case sensitive; off adds `i`), `multiline` (`^`/`$` per line, `m`),
 * `singleline` (`.` matches newlines, `s`). Patterns use JavaScript syntax (Make's engine is Node).
 */
import { dataError } from '../../engine/errors/make-error.ts';
import type { RegexSite } from '../../engine/expression/functions/regex-budget.ts';

/** Names the Text parser in a pattern's timeout error (regex-budget.ts; our wording). */
export const TEXT_PARSER_SITE: RegexSite = { prefix: 'The Text parser pattern could not be evaluated.' };

export interface PatternOptions {
  global: boolean;
  sensitive: boolean;
  multiline: boolean;
  singleline: boolean;
}

export function flagOf(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  return Boolean(value);
}

export function optionsFrom(source: Readonly<Record<string, unknown>>): PatternOptions {
  return {
    global: flagOf(source.global, false),
    sensitive: flagOf(source.sensitive, true),
    multiline: flagOf(source.multiline, false),
    singleline: flagOf(source.singleline, false),
  };
}

/** Always compiled with `g` so matches can be walked; `global` decides how many are used. */
export function buildRegExp(pattern: unknown, options: PatternOptions): RegExp {
  const source = pattern === undefined || pattern === null ? '' : String(pattern);
  if (source === '')
    throw dataError('Pattern is empty: enter a regular expression.', { code: 'empty-pattern' });
  const flags = `g${options.sensitive ? '' : 'i'}${options.multiline ? 'm' : ''}${options.singleline ? 's' : ''}`;
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw dataError(`Pattern is not a valid regular expression: ${(error as Error).message}.`, {
      code: 'invalid-pattern',
    });
  }
}

export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
