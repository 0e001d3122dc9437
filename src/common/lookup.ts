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
