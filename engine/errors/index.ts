export * from './blueprint-error.ts';
export * from './expression-error.ts';
export * from './make-error.ts';
export * from './setup-error.ts';
