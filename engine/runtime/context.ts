/** The bundle's EvalContext lives in engine/state/context.ts; this path stays for existing imports. */
export * from '../state/context.ts';
