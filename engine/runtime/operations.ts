/** The counting table lives in engine/state/operations.ts (the plan reads it); this path stays for cost/ and the docs. */
export * from '../state/operations.ts';
