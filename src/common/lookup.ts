/**
 * A look-up by a key that came from the user (a cell, a header, a command line): only the
 * table's own entries count, so "constructor" or "__proto__" finds nothing instead of
 * Object.prototype's members.
 */
export const lookup = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** `target.push(...items)` without spreading: a data-sized array as arguments overflows the stack. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** `Math.max(floor, ...values)` without spreading (a data-sized array as arguments overflows the stack). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max || Number.isNaN(v)) max = v;
  return max;
}

/** `Math.min(ceiling, ...values)` without spreading. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min || Number.isNaN(v)) min = v;
  return min;
}
