/**
 * Records with the same keys in the same order (an indicator's id → its value), made from an
 * array of the values in that order.
 *
 * Why: filling a record key by key (`o[id] = v`, the key in a variable) takes V8's generic store
 * for every key, and a province makes half a million such records (five per school section). An
 * object literal with its keys written out takes the fast path: three to four times quicker. So
 * the literal is generated, once per key list. The keys are profile data, checked here to be plain
 * identifiers (not `__proto__`, which a literal would treat as the prototype) and quoted by
 * JSON.stringify; any other key list is filled key by key, with the same result.
 */
const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

export type RecordMaker = <T>(values: readonly T[]) => Record<string, T>;

export function recordMaker(keys: readonly string[]): RecordMaker {
  const plain = keys.every((k) => PLAIN_KEY.test(k) && k !== '__proto__') && new Set(keys).size === keys.length;
  if (!plain)
    return <T>(values: readonly T[]) => {
      const out: Record<string, T> = {};
      keys.forEach((k, i) => Object.defineProperty(out, k, { value: values[i], enumerable: true, writable: true, configurable: true }));
      return out;
    };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from checked identifiers only (see above)
  return new Function('v', `return {${keys.map((k, i) => `${JSON.stringify(k)}: v[${i}]`).join(', ')}};`) as RecordMaker;
}

const MAKERS = new WeakMap<readonly string[], RecordMaker>();
/** The maker of a key list that lives as long as its owner (a profile's ids): made once. */
export function recordMakerOf(keys: readonly string[]): RecordMaker {
  let make = MAKERS.get(keys);
  if (!make) MAKERS.set(keys, (make = recordMaker(keys)));
  return make;
}
