/**
 * Evaluates a parsed Airtable formula against one record's fields, as Airtable does: a lookup or
 * linked-record array reads as its values joined by ", "; an empty field is blank, equal to "" and
 * to 0; a checkbox is 1 or blank; `=` compares as numbers when either side is a number, else as
 * text (case-sensitive); a record matches when the formula's value is truthy (not 0, "" or blank).
 */
import { type FormulaNode, parseFormula, UnsupportedFormula } from './formula-parse.ts';

type Value = string | number | null;

function fieldValue(value: unknown): Value {
  if (value === undefined || value === null || value === false) return null;
  if (value === true) return 1;
  if (typeof value === 'number') return value;
  if (Array.isArray(value))
    return value.length === 0 ? null : value.map((v) => text(fieldValue(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function text(value: Value): string {
  return value === null ? '' : String(value);
}

function truthy(value: Value): boolean {
  return value !== null && value !== '' && value !== 0;
}

/** Text that reads as a number, or null: the side of a comparison that is not a number. */
function asNumber(value: Value): number | null {
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : null;
}

function compare(op: string, left: Value, right: Value): number {
  const numeric = typeof left === 'number' || typeof right === 'number';
  const l = numeric ? asNumber(left) : null;
  const r = numeric ? asNumber(right) : null;
  const order =
    l !== null && r !== null
      ? Math.sign(l - r)
      : text(left) < text(right)
        ? -1
        : text(left) > text(right)
          ? 1
          : 0;
  const holds: Record<string, boolean> = {
    '=': order === 0,
    '!=': order !== 0,
    '<': order < 0,
    '>': order > 0,
    '<=': order <= 0,
    '>=': order >= 0,
  };
  return holds[op] ? 1 : 0;
}

function arithmetic(op: string, left: Value, right: Value): Value {
  if (op === '&') return text(left) + text(right);
  const l = asNumber(left) ?? Number.NaN;
  const r = asNumber(right) ?? Number.NaN;
  const result = op === '+' ? l + r : op === '-' ? l - r : op === '*' ? l * r : l / r;
  return Number.isFinite(result) ? result : null;
}

type Fn = (args: Value[]) => Value;

/** The functions real scenarios' formulas use (Airtable's formula field reference). */
const FUNCTIONS: Record<string, Fn> = {
  AND: (args) => (args.every(truthy) ? 1 : 0),
  OR: (args) => (args.some(truthy) ? 1 : 0),
  NOT: ([a = null]) => (truthy(a) ? 0 : 1),
  IF: ([test = null, then = null, otherwise = null]) => (truthy(test) ? then : otherwise),
  TRUE: () => 1,
  FALSE: () => 0,
  BLANK: () => null,
  LEN: ([a = null]) => text(a).length,
  TRIM: ([a = null]) => text(a).trim(),
  LOWER: ([a = null]) => text(a).toLowerCase(),
  UPPER: ([a = null]) => text(a).toUpperCase(),
  CONCATENATE: (args) => args.map(text).join(''),
  VALUE: ([a = null]) => asNumber(typeof a === 'string' ? a.replace(/[^0-9.-]/g, '') : a),
  ARRAYJOIN: ([a = null, sep = ', ']) => text(a).split(', ').join(text(sep)),
  // FIND and SEARCH are both case-sensitive; not found is 0 for FIND, blank for SEARCH.
  FIND: ([needle = null, hay = null, start = null]) => text(hay).indexOf(text(needle), startOf(start)) + 1,
  SEARCH: ([needle = null, hay = null, start = null]) => {
    const at = text(hay).indexOf(text(needle), startOf(start));
    return at < 0 ? null : at + 1;
  },
};

function startOf(start: Value): number {
  return Math.max((asNumber(start) ?? 1) - 1, 0);
}

function evaluate(node: FormulaNode, fields: Record<string, unknown>): Value {
  switch (node.kind) {
    case 'field':
      return fieldValue(fields[node.name]);
    case 'literal':
      return node.value;
    case 'negate':
      return arithmetic('-', 0, evaluate(node.operand, fields));
    case 'binary': {
      const left = evaluate(node.left, fields);
      const right = evaluate(node.right, fields);
      return node.op in { '&': 1, '+': 1, '-': 1, '*': 1, '/': 1 }
        ? arithmetic(node.op, left, right)
        : compare(node.op, left, right);
    }
    case 'call':
      return (FUNCTIONS[node.name] as Fn)(node.args.map((a) => evaluate(a, fields)));
  }
}

function checkFunctions(node: FormulaNode, source: string): void {
  if (node.kind === 'call' && !Object.hasOwn(FUNCTIONS, node.name)) {
    const known = Object.keys(FUNCTIONS).join(', ');
    throw new UnsupportedFormula(
      `the fake does not know the function ${node.name} (it knows ${known})`,
      source.indexOf(node.name),
    );
  }
  if (node.kind === 'call') for (const a of node.args) checkFunctions(a, source);
  if (node.kind === 'binary') {
    checkFunctions(node.left, source);
    checkFunctions(node.right, source);
  }
  if (node.kind === 'negate') checkFunctions(node.operand, source);
}

/** A record filter from a formula; an empty formula matches every record. */
export function compileFormula(source: string): (fields: Record<string, unknown>) => boolean {
  if (source.trim() === '') return () => true;
  const tree = parseFormula(source);
  checkFunctions(tree, source);
  return (fields) => truthy(evaluate(tree, fields));
}
