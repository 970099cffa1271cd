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
  /** Values in `#last`: a chunk made at full size has room beyond them. */
  #count = 0;

  constructor() {
    this.#last = anyValues();
    this.#chunks = [this.#last];
  }

  push(value: unknown): void {
    let chunk = this.#last;
    if (this.#count === CHUNK) {
      chunk = fullChunk();
      this.#chunks.push(chunk);
      this.#last = chunk;
      this.#count = 0;
    }
    // Appends to the first chunk (grown as needed, for the many short lists of small runs);
    // fills a later one, made at full size: no copy of a growing array per 4,096 values.
    chunk[this.#count++] = value;
  }

  /** Every value, in one array (concat: one copy, no growth). */
  toArray(): unknown[] {
    // The last chunk's room beyond its values is not part of the list.
    if (this.#last.length > this.#count) this.#last.length = this.#count;
    return anyValues().concat(...this.#chunks);
  }

  /** The value pushed `index`-th (0-based). */
  at(index: number): unknown {
    return this.#chunks[index >>> CHUNK_BITS]?.[index & (CHUNK - 1)];
  }
}

/** A chunk of CHUNK slots whose elements may be any value from the start (as anyValues()). */
function fullChunk(): unknown[] {
  const values: unknown[] = new Array(CHUNK);
  values[0] = null;
  return values;
}
