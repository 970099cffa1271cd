/** `import 'makesim/vitest'` in a vitest setup file or test: registers the makesim matchers. */
import { expect } from 'vitest';
import { type MakesimMatchers, makesimMatchers } from './vitest-matchers.ts';

expect.extend(makesimMatchers);

// The matcher types live here, beside the one import of vitest, so that the main entry ('makesim')
// type-checks in projects without vitest.
declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: vitest declares Matchers with this exact default
  interface Matchers<T = any> extends MakesimMatchers<T> {}
}
