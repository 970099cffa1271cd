/** `import 'makesim/vitest'` in a vitest setup file or test: registers the makesim matchers. */
import { expect } from 'vitest';
import { makesimMatchers } from './vitest-matchers.ts';

expect.extend(makesimMatchers);
