/** JSON-ready values and the leaf converters every key-order function uses. */

/** A JSON-ready value: plain data only, no `undefined` anywhere. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

// Leaves: the model's types pass through; anything else (a caller's bug, not data) becomes
// null or a string, never an exception. Objects are never stringified: their toString may throw.
export const str = (v: unknown): JsonValue =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : null;
export const num = (v: unknown): JsonValue => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const bool = (v: unknown): JsonValue => (typeof v === 'boolean' ? v : null);
export const list = <T>(v: readonly T[] | undefined, f: (x: T) => JsonValue): JsonValue[] =>
  Array.isArray(v) ? v.map((x) => f(rec(x))) : [];
/** The object itself, or an empty one in place of null or a primitive. */
export function rec<T>(v: T): T {
  return v !== null && typeof v === 'object' ? v : ({} as T);
}

/** Adds `key: value` only when the source value is present (optional fields). */
export function optional(o: JsonObject, key: string, value: unknown, f: (v: unknown) => JsonValue): void {
  if (value !== undefined) o[key] = f(value);
}
