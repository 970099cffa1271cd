/**
 * Binary operators of IML (https://developers.make.com/custom-apps-documentation/block-elements/iml): every
 * accepted spelling, and JavaScript's precedence (docs/fidelity.md, open question 1 — Make documents neither,
 * the engine is "JavaScript-like").
 */
import type { BinaryOp } from './ast.ts';

/**
 * Every spelling Make accepts, mapped to one operator
 * (https://developers.make.com/custom-apps-documentation/block-elements/iml: `=`/`==`/`===`,
 * `and`/`&&`/`&`…).
 */
export const BINARY_SPELLINGS: Readonly<Record<string, BinaryOp>> = {
  '*': '*',
  '/': '/',
  '%': '%',
  '+': '+',
  '-': '-',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '=': '=',
  '==': '=',
  '===': '=',
  '!=': '!=',
  '!==': '!=',
  '&&': 'and',
  '&': 'and',
  and: 'and',
  '||': 'or',
  '|': 'or',
  or: 'or',
};

/** Binding power per operator: higher binds tighter. */
export const PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  or: 1,
  and: 2,
  '=': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};
