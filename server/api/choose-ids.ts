/**
 * The `{ids: [...]}` or `{all: true, exceptIds?: [...]}` body that picks items of a list to retry or
 * delete: incomplete executions
 * (https://developers.make.com/api-documentation/api-reference/incomplete-executions) and a hook's incomings
 * (https://developers.make.com/api-documentation/api-reference/hooks). The ids' type is the route
 * schema's (idsBody).
 */
import { validationError } from './errors.ts';

export type IdsBody<K> = { ids?: K[]; all?: boolean; exceptIds?: K[] } | null | undefined;

/** `{ids}` / `{all, exceptIds}` with ids of `items` (a JSON Schema). */
export function idsBody<I extends object>(items: I) {
  return {
    type: 'object',
    properties: {
      ids: { type: 'array', items },
      all: { type: 'boolean' },
      exceptIds: { type: 'array', items },
    },
  } as const;
}

/** How the items of a pool are named in an `{ids}` / `{all, exceptIds}` body. */
export interface IdReader<T, K> {
  of: (item: T) => K;
  /** A body id as the pool writes it (incomplete executions: without dashes). */
  read: (value: K) => K;
  /** What the ids name, for the 400 details ("incomplete execution"). */
  noun: string;
}

/**
 * `{ids: [...]}` or `{all: true, exceptIds?: [...]}` applied to `pool`; `unknown` lists the given ids
 * the pool lacks. A body with neither is a 400.
 */
export function choose<T, K>(pool: T[], body: IdsBody<K>, ids: IdReader<T, K>) {
  if (body?.all === true) {
    const skipped = new Set((body.exceptIds ?? []).map(ids.read));
    return { chosen: pool.filter((item) => !skipped.has(ids.of(item))), unknown: [] };
  }
  const wanted = (body?.ids ?? []).map(ids.read);
  if (wanted.length === 0)
    throw validationError([`Send 'ids' (a non-empty array of ${ids.noun} ids) or 'all': true.`]);
  const set = new Set(wanted);
  const chosen = pool.filter((item) => set.has(ids.of(item)));
  const found = new Set(chosen.map(ids.of));
  return { chosen, unknown: [...set].filter((id) => !found.has(id)) };
}
