/**
 * The makesim library API: `import { loadScenario, runScenario } from 'makesim'`.
 */
export * from './engine/errors/index.ts';
export * from './engine/index.ts';
export * from './engine/ports/index.ts';
