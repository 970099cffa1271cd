/**
 * A module's expected executions per run as a product of named factors, so the model can print
 * it as a readable formula (`bundles(1) × items(2) × pass(4)`) and as numbers (`10 × 5 × 0.5 = 25`).
 */

/** Where a factor's value came from. */
/** `blueprint`: read from the blueprint itself (a Repeater's literal `repeats`). */
export type FactorSource = 'measured' | 'set' | 'assumed' | 'derived' | 'blueprint';

export interface Factor {
  /** `items(2)`, `pass(4)`, … */
  readonly name: string;
  readonly value: number;
  readonly source: FactorSource;
}

export interface Term {
  readonly factors: readonly Factor[];
  readonly value: number;
}

export const ONE: Term = { factors: [], value: 1 };

/** Products of rates like 0.1 leave float noise; snap it so whole counts print and compare whole. */
export function clean(value: number): number {
  const rounded = Math.round(value);
  return Math.abs(value - rounded) < 1e-9 ? rounded : value;
}

export function times(term: Term, factor: Factor | undefined): Term {
  if (!factor) return term;
  return { factors: [...term.factors, factor], value: clean(term.value * factor.value) };
}

/** A sum of terms (If-else branches meeting at a Merge) as one factor in parentheses. */
export function sum(terms: readonly Term[], source: FactorSource = 'derived'): Term {
  const value = clean(terms.reduce((total, t) => total + t.value, 0));
  if (terms.length === 1 && terms[0]) return terms[0];
  return { factors: [{ name: `(${terms.map(formula).join(' + ')})`, value, source }], value };
}

export function formula(term: Term): string {
  return term.factors.length === 0 ? '1' : term.factors.map((f) => f.name).join(' × ');
}

export function numbers(term: Term): string {
  if (term.factors.length === 0) return '1';
  const parts = term.factors.map((f) => show(f.value));
  return parts.length === 1 ? parts.join('') : `${parts.join(' × ')} = ${show(term.value)}`;
}

export function show(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(Number(value.toFixed(4)));
}
