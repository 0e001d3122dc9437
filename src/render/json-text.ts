/**
 * JSON text as JSON.stringify(value, null, 2) writes it, in pieces: a county of 20 000 schools is a
 * 90 MB report, which as one string (two bytes a character once it holds Chinese) and then its
 * bytes took 270 MB at once. The pieces are the same text, byte for byte (test/json-text.test.ts):
 * an element nested d levels deep is JSON.stringify's text of it with each line indented 2·d more.
 */

/** Arrays and plain objects are cut into pieces down to this depth; below it, only long arrays and large objects. */
const CUT_DEPTH = 4;
const LONG = 50;
/** Values (of any nesting) an object below CUT_DEPTH may hold and still be written as one piece. */
const SMALL = 400;

/** Whether the value holds at most `budget` values, all told (a 20 000-section list inside an indicator does not). */
function small(v: unknown, budget = SMALL): boolean {
  let left = budget;
  const stack: unknown[] = [v];
  while (stack.length) {
    const x = stack.pop();
    if (--left < 0) return false;
    if (typeof x !== 'object' || x === null) continue;
    if (Array.isArray(x)) {
      if (x.length > left) return false;
      for (const y of x) stack.push(y);
    } else for (const k in x) stack.push((x as Record<string, unknown>)[k]);
  }
  return true;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
};

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** The value's text at `depth`, as one string (its lines after the first indented for that depth). */
function leaf(v: unknown, pad: string): string {
  const text = JSON.stringify(v, null, 2) ?? 'null';
  return pad && text.includes('\n') ? text.replace(/\n/g, `\n${pad}`) : text;
}

export function* jsonPieces(value: unknown, depth = 0): Generator<string> {
  const pad = '  '.repeat(depth);
  const inner = `${pad}  `;
  if (Array.isArray(value) && value.length > 0 && (depth < CUT_DEPTH || value.length > LONG)) {
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      const v: unknown = value[i];
      if (omitted(v)) yield 'null';
      else yield* jsonPieces(v, depth + 1);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${pad}]`;
    return;
  }
  if (isPlainObject(value) && (depth < CUT_DEPTH || !small(value))) {
    const keys = Object.keys(value).filter((k) => !omitted(value[k]));
    if (keys.length === 0) {
      yield '{}';
      return;
    }
    yield '{\n';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      yield `${inner}${JSON.stringify(k)}: `;
      yield* jsonPieces(value[k], depth + 1);
      yield i < keys.length - 1 ? ',\n' : '\n';
    }
    yield `${pad}}`;
    return;
  }
  yield leaf(value, pad);
}
