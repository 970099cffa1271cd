/**
 * Minimal benchmark harness: measure a function over a fixed wall-time budget, print figures
 * and ratios. Targets live here as printed verdicts, never as test assertions.
 */

export interface Measurement {
  name: string;
  /** Operations (evaluations, items, requests) per second. */
  perSecond: number;
  iterations: number;
  ms: number;
}

/** Runs `fn` repeatedly for about `budgetMs` after a warm-up; `fn` returns how many items it handled. */
export function measure(name: string, fn: () => number, budgetMs = 1000): Measurement {
  for (let i = 0; i < 3; i++) fn();
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    iterations += fn();
    elapsed = performance.now() - start;
  }
  return { name, perSecond: (iterations / elapsed) * 1000, iterations, ms: elapsed };
}

export async function measureAsync(
  name: string,
  fn: () => Promise<number>,
  budgetMs = 1000,
): Promise<Measurement> {
  await fn();
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    iterations += await fn();
    elapsed = performance.now() - start;
  }
  return { name, perSecond: (iterations / elapsed) * 1000, iterations, ms: elapsed };
}

/** The middle value (the upper middle of an even count); NaN for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US');
}

/** One line of a verdict table: `label  value  target  ok|MISS`. */
export function verdict(
  label: string,
  value: number,
  target: number,
  unit: string,
  higherIsBetter = true,
): string {
  const ok = higherIsBetter ? value >= target : value <= target;
  const shown = unit === '/s' ? `${formatRate(value)}/s` : `${value.toFixed(1)} ${unit}`;
  const goal = unit === '/s' ? `${formatRate(target)}/s` : `${target} ${unit}`;
  return `  ${label.padEnd(52)} ${shown.padStart(16)}   target ${higherIsBetter ? '≥' : '≤'} ${goal.padEnd(14)} ${ok ? 'ok' : 'MISS'}`;
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
