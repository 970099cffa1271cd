/** Plain-text tables for the cost report: left-aligned text, right-aligned numbers. */

export interface Column {
  title: string;
  align?: 'left' | 'right';
}

/** ANSI colour codes take no room on screen. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function width(text: string): number {
  return text.replace(ANSI, '').length;
}

function pad(text: string, size: number, align: 'left' | 'right' | undefined): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
}

export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.title)), rule, ...rows.map(line)].map((l) => `  ${l}`).join('\n');
}

export function num(value: number, decimals = 2): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

export function range(min: number, max: number): string {
  return min === max ? num(min) : `${num(min)}–${num(max)}`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
