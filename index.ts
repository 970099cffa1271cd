/**
 * The makesim library API: `import { loadScenario, runScenario } from 'makesim'`.
 * `loadScenario` takes a path, JSON text or an object; `runScenario` takes the options of a test
 * case (docs/testing.md). The engine's lower-level API is under `engine`.
 */
export * from './engine/errors/index.ts';
export * from './engine/index.ts';
export * as engine from './engine/index.ts';
export * from './engine/ports/index.ts';
export {
  type FakesState,
  loadScenario,
  runScenario,
  type ScenarioRun,
  type ScenarioRunOptions,
} from './test-runner/library.ts';
export type { CaseSettings, HttpMock, RequestInput, TestCase, TestFile } from './test-runner/types.ts';
export { type MakesimMatchers, makesimMatchers } from './test-runner/vitest-matchers.ts';
