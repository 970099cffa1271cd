/**
 * `replace()` search strings of the form `/pattern/flags`
 * (https://developers.make.com/custom-apps-documentation/block-elements/iml,
 * https://help.make.com/text-and-binary-functions `replace`;
 * Help Center https://help.make.com/text-and-binary-functions). Make uses JavaScript regex syntax,
 * so the pattern is handed to `RegExp` — never evaluated as code.
 */
import { argumentError } from './text-args.ts';

/**
 * Flags that make `/…/x` a regex. A trailing word that is not all flags (`/usr/local`) means the
 * text is a plain search string, not a malformed regex.
 */
const REGEX_FLAGS = /^[dgimsuvy]*$/;

/**
 * Make's docs: "Do not use named capture groups such as `/ is (?<number>\d+)/` … Doing so results
 * in an error" (https://help.make.com/text-and-binary-functions; Workfront Fusion string functions). We
 * reject any pattern that declares one.
 */
export const NAMED_GROUPS_ARE_REJECTED = true;

export interface RegexParts {
  readonly pattern: string;
  readonly flags: string;
}

/** Splits `/pattern/flags`; undefined when the text is not in regex form (plain search text). */
export function splitRegexString(text: string): RegexParts | undefined {
  if (text.length < 3 || text[0] !== '/') return undefined;
  const close = text.lastIndexOf('/');
  if (close <= 1) return undefined;
  const flags = text.slice(close + 1);
  if (!REGEX_FLAGS.test(flags)) return undefined;
  return { pattern: text.slice(1, close), flags };
}

/** Whether the pattern declares `(?<name>…)` (lookbehinds `(?<=` / `(?<!` are not groups). */
export function declaresNamedGroup(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      inClass = c !== ']';
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && pattern.startsWith('?<', i + 1)) {
      const after = pattern[i + 3];
      if (after !== '=' && after !== '!') return true;
    }
  }
  return false;
}

/**
 * The RegExp for a `/pattern/flags` search string, or undefined for plain text.
 * `fn`/`position` name the argument in errors (invalid pattern, named group).
 */
export function compileRegexString(text: string, fn: string, position: number): RegExp | undefined {
  const parts = splitRegexString(text);
  if (parts === undefined) return undefined;
  if (NAMED_GROUPS_ARE_REJECTED && declaresNamedGroup(parts.pattern)) {
    throw argumentError(
      fn,
      position,
      `the regular expression ${text} uses a named capture group, which Make does not support.`,
      'Use a plain group ( … ) and refer to it as $1 in the replacement.',
    );
  }
  try {
    return new RegExp(parts.pattern, parts.flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw argumentError(
      fn,
      position,
      `${text} is not a valid regular expression (${reason}).`,
      'Fix the pattern; Make reads it with JavaScript regular-expression syntax.',
    );
  }
}
