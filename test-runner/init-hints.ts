/**
 * Values a starter must give where later modules read them: a URL where an HTTP module fetches
 * it, JSON text where json:ParseJSON parses it, a date where a date function reads it (in the
 * format a `parseDate(x; "format")` expects). Each is set at the referenced module's sample, so a
 * starter never stops on `""` being no URL, no JSON or no date. A value picked from a list —
 * `first(map(x; "key"))` / `last(…)`, Make's array functions — is given as a one-item list of
 * collections with that key.
 */
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { formatWithTokens } from '../engine/expression/dates/format-tokens.ts';
import { isHttpModule } from './init-http.ts';
import { loneReference, SAMPLE_DATE, SAMPLE_URL, setAtPath } from './init-samples.ts';

type Samples = Map<number, Record<string, unknown>>;

/** Date functions whose first argument is a date (Make's date functions, docs/fidelity.md). */
const DATE_FUNCTIONS =
  'addSeconds|addMinutes|addHours|addDays|addMonths|addYears|formatDate|setSecond|setMinute|setHour|setDay|setDate|setMonth|setYear';
const DATE_USE = new RegExp(`\\b(?:${DATE_FUNCTIONS})\\(\\s*(\\d+\\.[^;,()\\s]+)\\s*[;,)]`, 'g');
const PARSE_USE = /\bparseDate\(\s*(\d+\.[^;,()\s]+)\s*;\s*"((?:[^"]|"")*)"/g;
/** `{{first(map(4.data.items; "url"))}}` (or last): one key of one item of a referenced list. */
const PICK_FROM_LIST =
  /^\{\{\s*(?:first|last)\(\s*map\(\s*(\d+\.[^;()\s]+)\s*;\s*"([^".]+)"\s*\)\s*\)\s*\}\}$/;

export function applyConsumerHints(scenario: Scenario, samples: Samples): void {
  for (const node of scenario.modules) {
    const mapper = (node.raw.mapper ?? {}) as Record<string, unknown>;
    if (isHttpModule(node)) hint(scenario, samples, mapper.url, SAMPLE_URL);
    if (node.key === 'json:ParseJSON') hint(scenario, samples, mapper.json, '{}');
    for (const text of stringsOf([node.raw.mapper, node.raw.filter])) dateHints(scenario, samples, text);
  }
}

function dateHints(scenario: Scenario, samples: Samples, text: string): void {
  if (!text.includes('{{')) return;
  for (const match of text.matchAll(DATE_USE)) hint(scenario, samples, `{{${match[1]}}}`, SAMPLE_DATE);
  for (const match of text.matchAll(PARSE_USE)) {
    const format = (match[2] as string).replace(/""/g, '"');
    let value: string;
    try {
      value = formatWithTokens(new Date(SAMPLE_DATE), format, 'UTC');
    } catch {
      continue;
    }
    hint(scenario, samples, `{{${match[1]}}}`, value);
  }
}

function hint(scenario: Scenario, samples: Samples, template: unknown, value: unknown): void {
  const picked = typeof template === 'string' ? PICK_FROM_LIST.exec(template.trim()) : null;
  if (picked) {
    hint(scenario, samples, `{{${picked[1]}}}`, [{ [picked[2] as string]: value }]);
    return;
  }
  const ref = loneReference(template);
  const target = ref && samples.get(ref.moduleId);
  const producer = ref && scenario.byId.get(ref.moduleId);
  if (!ref || !producer) return;
  if (!target) throughVariable(scenario, samples, producer.raw, value);
  else if (!isHttpModule(producer)) setAtPath(target, ref.path, value);
  // An HTTP module's parsed body is its `data`.
  else if (ref.path[0]?.key === 'data' && ref.path.length > 1) setAtPath(target, ref.path.slice(1), value);
}

/** Set variable passes a value on: the hint goes to the one reference its value is made from. */
function throughVariable(
  scenario: Scenario,
  samples: Samples,
  raw: Readonly<Record<string, unknown>>,
  value: unknown,
): void {
  if (raw.module !== 'util:SetVariable2') return;
  const text = (raw.mapper as { value?: unknown } | undefined)?.value;
  if (typeof text !== 'string') return;
  if (PICK_FROM_LIST.test(text.trim())) {
    hint(scenario, samples, text, value);
    return;
  }
  const refs = new Set([...text.matchAll(/\b(\d+\.[A-Za-z_`$][^;,()\s}]*)/g)].map((m) => m[1]));
  if (refs.size === 1) hint(scenario, samples, `{{${[...refs][0]}}}`, value);
}

function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsOf(item);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) yield* stringsOf(item);
}
