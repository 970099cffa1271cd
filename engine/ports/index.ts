export * from './clock.ts';
export * from './data-store.ts';
export * from './http.ts';
export * from './logger.ts';
export * from './state.ts';
export * from './subscenarios.ts';
export * from './transaction.ts';
