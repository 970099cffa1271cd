/**
 * Every built-in module, listed by hand (a structure test checks each file is here).
 */
import type { ModuleDefinition } from '../engine/registry/define-module.ts';

export const builtinModules: readonly ModuleDefinition[] = [];
