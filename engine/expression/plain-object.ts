/**
 * Plain objects sized to their fields. A run's full record keeps every bundle and every evaluated
 * mapper (engine/state/call-columns.ts); V8 gives an `{}` literal or a spread copy room for four
 * fields whatever the count (the rest go to a separate property array), but sizes what one
 * constructor makes to the fields its first objects received (slack tracking).
 */

export type PlainObjectMaker = new () => Record<string, unknown>;

/**
 * A constructor of plain objects: prototype Object.prototype, so `constructor === Object` and
 * nothing tells them from `{}`. Make one per place that builds objects of one shape (a mapper
 * object, one iterator operation): objects of unrelated shapes would size each other.
 */
export function plainObjectMaker(): PlainObjectMaker {
  const Fields = function PlainObject() {} as unknown as PlainObjectMaker;
  Fields.prototype = Object.prototype;
  return Fields;
}

/** Sets `target[key]` as an own data field, even `__proto__`: a key is data, never the prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
