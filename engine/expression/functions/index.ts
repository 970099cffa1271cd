import { arrayFunctions } from './array.ts';
import { binaryFunctions } from './binary.ts';
import { dateFunctions } from './date.ts';
import { generalFunctions } from './general.ts';
import { mathFunctions } from './math.ts';
import { textFunctions } from './text.ts';
import type { FunctionSpec } from './types.ts';

/**
 * The whole catalogue, by name. Category files (general, math, text, date, array) are added
 * to `catalogue` below as they land.
 */
const catalogue: readonly FunctionSpec[][] = [
  textFunctions,
  binaryFunctions,
  generalFunctions,
  mathFunctions,
  arrayFunctions,
  dateFunctions,
];

export const functions: ReadonlyMap<string, FunctionSpec> = new Map(
  catalogue.flat().map((spec) => [spec.name, spec]),
);

export type { FunctionContext, FunctionSpec } from './types.ts';
