/**
 * User regular expressions with a time budget. A pattern such as `/(a+)+$/` backtracks
 * exponentially in JavaScript's engine: 43 bytes froze the whole server. Make reads patterns with
 * JavaScript syntax and semantics (https://help.make.com/text-and-binary-functions), so they stay
 * JavaScript regexes, run in two ways:
 *
 * - patterns V8's linear-time engine supports run on V8's usual engine, which switches to the
 *   linear one by itself after REGEXP_BACKTRACKS backtracks (same results, bounded time);
 * - the others (backreferences, lookaround, the `i`/`u` flags, large counted repeats) run on a
 *   worker thread (regex-thread.ts) while this thread waits at most REGEX_BUDGET_MS; past it the
 *   worker is terminated and the module ends with a ModuleTimeoutError, which its error handling
 *   sees.
 *
 * Every place a user pattern runs goes through here: IML `replace()`, the filter operators
 * "Matches pattern", the Text parser modules and Switch (docs/fidelity.md "Regex time budget").
 */
import { setFlagsFromString } from 'node:v8';
import { MakeError } from '../../errors/make-error.ts';
import { REGEX_BUDGET_MS, type RegexRequest, runOnThread } from './regex-thread.ts';

export { REGEX_BUDGET_MS };

/** Backtracks before V8 finishes a supported pattern with its linear-time engine. */
const REGEXP_BACKTRACKS = 100_000;

setFlagsFromString('--enable-experimental-regexp-engine');
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
setFlagsFromString(`--regexp-backtracks-before-fallback=${REGEXP_BACKTRACKS}`);

/**
 * Where a pattern runs, for its errors: `prefix` opens the message the way Make words that place
 * ("Function 'replace' finished with error!"), `details` go into the error's details.
 */
export interface RegexSite {
  readonly prefix: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The IML function `fn` as a RegexSite. */
export function functionSite(fn: string): RegexSite {
  return { prefix: `Function '${fn}' finished with error!`, details: { function: fn } };
}

/** One match as `exec` gives it: `values[0]` the whole match, then the groups by number. */
export interface RegexMatch {
  readonly values: readonly (string | undefined)[];
  readonly groups?: Readonly<Record<string, string | undefined>>;
}

const linear = new Map<string, boolean>();

/** Whether V8 can run the pattern in linear time (it refuses the `l` flag otherwise). */
function runsInLinearTime(regex: RegExp): boolean {
  const key = `${regex.flags}/${regex.source}`;
  let known = linear.get(key);
  if (known === undefined) {
    try {
      new RegExp(regex.source, `${regex.flags}l`);
      known = true;
    } catch {
      known = false;
    }
    if (linear.size > 1_000) linear.clear();
    linear.set(key, known);
  }
  return known;
}

/** `text.replace(regex, replacement)` within the budget (see the file comment). */
export function boundedReplace(text: string, regex: RegExp, replacement: string, site: RegexSite): string {
  if (runsInLinearTime(regex)) return text.replace(regex, replacement);
  return onWorker(
    { op: 'replace', pattern: regex.source, flags: regex.flags, text, replacement },
    site,
  ) as string;
}

/** `regex.test(text)` within the budget; the regex must not carry `g`/`y` (no lastIndex state). */
export function boundedTest(regex: RegExp, text: string, site: RegexSite): boolean {
  if (runsInLinearTime(regex)) return regex.test(text);
  return onWorker({ op: 'test', pattern: regex.source, flags: regex.flags, text }, site) as boolean;
}

/** The first `limit` matches of a `g` regex in `text` (as `matchAll`), within the budget. */
export function boundedMatches(regex: RegExp, text: string, limit: number, site: RegexSite): RegexMatch[] {
  if (!runsInLinearTime(regex)) {
    const request = { op: 'matches', pattern: regex.source, flags: regex.flags, text, limit } as const;
    return onWorker(request, site) as RegexMatch[];
  }
  const out: RegexMatch[] = [];
  for (const match of text.matchAll(regex)) {
    if (out.length >= limit) break;
    out.push({ values: [...match], ...(match.groups ? { groups: { ...match.groups } } : {}) });
  }
  return out;
}

function onWorker(request: RegexRequest, site: RegexSite): unknown {
  const answer = runOnThread(request);
  if (answer === undefined) {
    throw new MakeError(
      'ModuleTimeoutError',
      `${site.prefix} The regular expression /${request.pattern}/${request.flags} ` +
        `took longer than ${REGEX_BUDGET_MS} ms on a text of ${request.text.length} characters.`,
      { ...site.details, hint: 'Rewrite the pattern without nested repetition such as (a+)+.' },
    );
  }
  if (!answer.ok) throw new MakeError('DataError', `${site.prefix} ${answer.message}`, { ...site.details });
  return answer.value;
}
