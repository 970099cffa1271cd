/**
 * The `{ids: [...]}` or `{all: true, exceptIds?: [...]}` body that picks items of a list to retry or
 * delete: incomplete executions
 * (https://developers.make.com/api-documentation/api-reference/incomplete-executions) and a hook's incomings
 * (https://developers.make.com/api-documentation/api-reference/hooks).
 */
import { validationError } from './errors.ts';

/** How the items of a pool are named in an `{ids}` / `{all, exceptIds}` body. */
export interface IdReader<T, K> {
  of: (item: T) => K;
  /** A body entry as the pool's ids are written, or undefined when it is not one. */
  read: (value: unknown) => K | undefined;
  /** What the ids name, for the 400 details ("incomplete execution"). */
  noun: string;
}

/**
 * `{ids: [...]}` or `{all: true, exceptIds?: [...]}`
 * (https://developers.make.com/api-documentation/api-reference/incomplete-executions; also a hook's
 * incomings, https://developers.make.com/api-documentation/api-reference/hooks) applied to `pool`; `unknown`
 * lists the given ids the pool lacks. A malformed list is a 400.
 */
export function choose<T, K>(pool: T[], body: Record<string, unknown>, ids: IdReader<T, K>) {
  const list = (value: unknown): K[] | undefined => {
    if (!Array.isArray(value)) return undefined;
    const read = value.map(ids.read);
    return read.every((id) => id !== undefined) ? (read as K[]) : undefined;
  };
  if (body.all === true) {
    const except = body.exceptIds === undefined ? [] : list(body.exceptIds);
    if (!except) throw validationError([`Parameter 'exceptIds' must be an array of ${ids.noun} ids.`]);
    const skipped = new Set(except);
    return { chosen: pool.filter((item) => !skipped.has(ids.of(item))), unknown: [] as K[] };
  }
  const wanted = list(body.ids);
  if (!wanted || wanted.length === 0)
    throw validationError([`Send 'ids' (a non-empty array of ${ids.noun} ids) or 'all': true.`]);
  const set = new Set(wanted);
  const chosen = pool.filter((item) => set.has(ids.of(item)));
  const found = new Set(chosen.map(ids.of));
  return { chosen, unknown: [...set].filter((id) => !found.has(id)) };
}
