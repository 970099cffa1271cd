/** Scenario variables live in engine/state/variables.ts; this path stays for existing imports. */
export * from '../state/variables.ts';
