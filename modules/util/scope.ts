/** Shared by the variable modules: Make's two lifetimes (https://help.make.com/util). */
export type VariableScope = 'roundtrip' | 'execution';

/** "One cycle" is the default in Make's Set variable form. */
export function scopeOf(value: unknown): VariableScope {
  return value === 'execution' ? 'execution' : 'roundtrip';
}

export function nameOf(value: unknown): string {
  return typeof value === 'string' ? value : String(value ?? '');
}
