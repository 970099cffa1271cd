import { arrayFunctions } from './array.ts';
import { binaryFunctions } from './binary.ts';
import { dateFunctions } from './date.ts';
import { generalFunctions } from './general.ts';
import { mathFunctions } from './math.ts';
import { textFunctions } from './text.ts';
import type { FunctionSpec } from './types.ts';

/** The whole catalogue: one list per category file (Make's help: https://help.make.com/use-functions). */
const catalogue: readonly FunctionSpec[][] = [
  textFunctions,
  binaryFunctions,
  generalFunctions,
  mathFunctions,
  arrayFunctions,
  dateFunctions,
];

/** Every name as registered, duplicates included (a structure test checks there are none). */
export const catalogueNames: readonly string[] = catalogue.flat().map((spec) => spec.name);

export const functions: ReadonlyMap<string, FunctionSpec> = new Map(
  catalogue.flat().map((spec) => [spec.name, spec]),
);

export type { FunctionContext, FunctionSpec } from './types.ts';
