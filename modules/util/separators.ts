/** Row/column separators of the text and table aggregators (https://help.make.com/util). */
const NAMED: Record<string, string> = { '\\n': '\n', '\\t': '\t', newline: '\n', tab: '\t' };

/** `"\n"`, `"\t"`, `""` (none), or `"other"` with the custom value in `other`. */
export function separator(value: unknown, other: unknown): string {
  if (value === 'other') return other === undefined || other === null ? '' : String(other);
  if (typeof value !== 'string') return '';
  return NAMED[value] ?? value;
}
