/**
 * The IML syntax tree (Make's help: https://help.make.com/mapping). Positions are 0-based offsets into the
 * whole template string, so errors can point at the character in the field the user wrote.
 */

export type Node =
  | LiteralNode
  | KeywordNode
  | ModuleRefNode
  | VarRefNode
  | MissingNode
  | MemberNode
  | IndexNode
  | CallNode
  | UnaryNode
  | BinaryNode;

interface At {
  readonly pos: number;
}

export interface LiteralNode extends At {
  readonly type: 'literal';
  readonly value: string | number;
}

/** `true`, `now`, `space`, … (keywords.ts). */
export interface KeywordNode extends At {
  readonly type: 'keyword';
  readonly name: string;
}

/** `1.x…` or `` `1` ``: the output bundle of module `id`. */
export interface ModuleRefNode extends At {
  readonly type: 'module';
  readonly id: number;
}

/** `var.scenario` / `var.organization` …: one of the EvalContext's variable scopes. */
export interface VarRefNode extends At {
  readonly type: 'var';
}

/**
 * A bare name that resolves to nothing (`{{x}}`, `{{input.x}}`): undefined, silently
 * (https://developers.make.com/custom-apps-documentation/block-elements/iml).
 */
export interface MissingNode extends At {
  readonly type: 'missing';
}

export interface MemberNode extends At {
  readonly type: 'member';
  readonly object: Node;
  readonly key: string;
}

/** `a[n]`; `index` null for `a[]` (first element). */
export interface IndexNode extends At {
  readonly type: 'index';
  readonly object: Node;
  readonly index: Node | null;
}

export interface CallNode extends At {
  readonly type: 'call';
  readonly name: string;
  readonly args: readonly Node[];
}

export interface UnaryNode extends At {
  readonly type: 'unary';
  readonly op: '-' | '!';
  readonly operand: Node;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '=' | '!=' | 'and' | 'or';

export interface BinaryNode extends At {
  readonly type: 'binary';
  readonly op: BinaryOp;
  readonly left: Node;
  readonly right: Node;
}
