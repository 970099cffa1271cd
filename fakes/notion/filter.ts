/**
 * Search Objects' `filter` (Make's filter field: OR of AND groups of `{ a: property, o: operator,
 * b: value }`, the operators the module's exported `metadata.expect` lists, which are Notion's
 * database query conditions) evaluated on a page's plain values. An operator the fake does not
 * model is a setup error, never a silent match.
 */
import { SetupError } from '../../engine/errors/setup-error.ts';
import type { Schema } from './database.ts';

type Test = (value: unknown, operand: unknown) => boolean;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const list = (v: unknown) => (Array.isArray(v) ? v.map(text) : text(v) === '' ? [] : [text(v)]);
const empty = (v: unknown) => list(v).length === 0;
const day = (v: unknown) => {
  const start = v && typeof v === 'object' ? (v as { start?: unknown }).start : v;
  return text(start).slice(0, 10);
};

const CONDITIONS: Record<string, Test> = {
  equals: (v, b) => text(v) === text(b),
  does_not_equal: (v, b) => text(v) !== text(b),
  contains: (v, b) => text(v).includes(text(b)),
  does_not_contain: (v, b) => !text(v).includes(text(b)),
  starts_with: (v, b) => text(v).startsWith(text(b)),
  ends_with: (v, b) => text(v).endsWith(text(b)),
  is_empty: (v) => empty(v),
  is_not_empty: (v) => !empty(v),
};

const NUMBER: Record<string, Test> = {
  equals: (v, b) => Number(v) === Number(b),
  does_not_equal: (v, b) => Number(v) !== Number(b),
  greater_than: (v, b) => Number(v) > Number(b),
  less_than: (v, b) => Number(v) < Number(b),
  greater_than_or_equal_to: (v, b) => Number(v) >= Number(b),
  less_than_or_equal_to: (v, b) => Number(v) <= Number(b),
};

const DATE: Record<string, Test> = {
  equals: (v, b) => day(v) === day(b),
  before: (v, b) => !empty(day(v)) && day(v) < day(b),
  after: (v, b) => day(v) > day(b),
  on_or_before: (v, b) => !empty(day(v)) && day(v) <= day(b),
  on_or_after: (v, b) => day(v) >= day(b),
};

const LIST: Record<string, Test> = {
  contains: (v, b) => list(v).includes(text(b)),
  does_not_contain: (v, b) => !list(v).includes(text(b)),
};

function testOf(operator: string): Test | undefined {
  const [kind = '', name = ''] = operator.split(':');
  const generic = name === 'is_empty' || name === 'is_not_empty' ? CONDITIONS[name] : undefined;
  if (kind === 'text' || kind === 'select' || kind === 'file') return CONDITIONS[name];
  if (kind === 'number') return NUMBER[name] ?? generic;
  if (kind === 'date') return DATE[name] ?? generic;
  const condition = CONDITIONS[name];
  if (kind === 'checkbox' && condition) return (v, b) => condition(v === true, b === true || b === 'true');
  if (kind === 'multiselect' || kind === 'people' || kind === 'relation') return LIST[name] ?? generic;
  return undefined;
}

interface Condition {
  a?: unknown;
  b?: unknown;
  o?: unknown;
}

/** The page filter; an empty filter matches every page. */
export function compileFilter(filter: unknown, schema: Schema): (values: Record<string, unknown>) => boolean {
  if (!Array.isArray(filter) || filter.length === 0) return () => true;
  const groups = filter.map((group) =>
    (Array.isArray(group) ? group : []).map((c: Condition) => {
      const test = testOf(String(c.o ?? ''));
      if (!test) {
        throw new SetupError(
          'unsupported-fake-input',
          `the notion fake does not model the filter operator ${JSON.stringify(c.o)}. Mock this module instead (mocks.<id>).`,
          { operator: c.o },
        );
      }
      const property = Object.entries(schema).find(([, p]) => p.id === c.a)?.[0] ?? String(c.a);
      return (values: Record<string, unknown>) => test(values[property], c.b);
    }),
  );
  return (values) => groups.some((group) => group.every((holds) => holds(values)));
}
