/**
 * An append-only list of any values, kept in arrays of 4,096. One array of 300,000 entries lives
 * in V8's large-object space from early on: every value pushed into it is an old-to-young
 * pointer the collector must track, and each growth copies it whole. Small arrays are born young
 * with their values and promoted with them.
 */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

/** An empty array whose elements may be any value (V8 element kind), never changing kind. */
function anyValues(): unknown[] {
  const values: unknown[] = [null];
  values.pop();
  return values;
}

export class ChunkedValues {
  readonly #chunks: unknown[][];
  #last: unknown[];

  constructor() {
    this.#last = anyValues();
    this.#chunks = [this.#last];
  }

  push(value: unknown): void {
    let chunk = this.#last;
    if (chunk.length === CHUNK) {
      chunk = anyValues();
      this.#chunks.push(chunk);
      this.#last = chunk;
    }
    chunk.push(value);
  }

  /** Every value, in one array (concat: one copy, no growth). */
  toArray(): unknown[] {
    return anyValues().concat(...this.#chunks);
  }

  /** The value pushed `index`-th (0-based). */
  at(index: number): unknown {
    return this.#chunks[index >>> CHUNK_BITS]?.[index & (CHUNK - 1)];
  }
}
