/** A formula (IML) that cannot be parsed or compiled. Run-time failures are MakeErrors instead. */

export type ExpressionErrorCode =
  | 'unterminated-template'
  | 'unterminated-string'
  | 'unexpected-token'
  | 'unexpected-end'
  | 'unknown-function'
  | 'wrong-arity'
  | 'too-deep'
  | 'invalid-reference';

export class ExpressionError extends Error {
  readonly code: ExpressionErrorCode;
  /** 0-based offset into the whole template string. */
  readonly position: number;
  readonly source: string;

  constructor(code: ExpressionErrorCode, message: string, position: number, source: string) {
    super(`${message} (at position ${position})`);
    this.name = 'ExpressionError';
    this.code = code;
    this.position = position;
    this.source = source;
  }
}
