/**
 * luxon, loaded on first use. It is the largest library every command reached (some 240 kB of
 * JavaScript to compile, a third of `makesim validate`'s code), yet only date work needs it: a
 * zone's offsets, week numbers, zone names, date filters, schedules. `makesim eval`, `validate`
 * and a `run` without dates outside UTC never load it (issue 14 §2, bench/cli.bench.ts). Every
 * use in the project goes through here, so one process holds one copy; its CommonJS build loads
 * synchronously, and callers stay synchronous.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let library: typeof import('luxon') | undefined;

export function luxon(): typeof import('luxon') {
  library ??= require('luxon') as typeof import('luxon');
  return library;
}
