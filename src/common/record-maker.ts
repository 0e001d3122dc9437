/**
 * Records with the same keys in the same order (an indicator's id → its value), made from an
 * array of the values.
 *
 * Why: filling a record key by key (`o[id] = v`, the key in a variable) takes V8's generic store
 * for every key, and a province makes half a million such records. An object literal with its keys
 * written out takes the fast path: three to four times quicker. So the literal is generated, once
 * per key list. The keys are profile data or the tool's own field names, checked here to be plain
 * identifiers (not `__proto__`, which a literal would treat as the prototype) and quoted by
 * JSON.stringify; any other key list is filled key by key, with the same result.
 */
const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

export type RecordMaker = <T>(values: readonly T[]) => Record<string, T>;

/** A maker of { keys[j]: values[at[j]] }: generated when every key is plain and once, else a loop. */
function picking(keys: readonly string[], at: readonly number[]): RecordMaker {
  const plain = keys.every((k) => PLAIN_KEY.test(k) && k !== '__proto__') && new Set(keys).size === keys.length;
  if (!plain)
    return <T>(values: readonly T[]) => {
      const out: Record<string, T> = {};
      keys.forEach((k, j) =>
        Object.defineProperty(out, k, { value: values[at[j]!], enumerable: true, writable: true, configurable: true }),
      );
      return out;
    };
  // Generated from checked identifiers only (see above).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the fast record maker: keys are checked identifiers (above)
  return new Function(
    'v',
    `return {${keys.map((k, j) => `${JSON.stringify(k)}: v[${at[j]}]`).join(', ')}};`,
  ) as RecordMaker;
}

export function recordMaker(keys: readonly string[]): RecordMaker {
  return picking(
    keys,
    keys.map((_, i) => i),
  );
}

const MAKERS = new WeakMap<readonly string[], RecordMaker>();
/** The maker of a key list that lives as long as its owner (a profile's fields): made once. */
export function recordMakerOf(keys: readonly string[]): RecordMaker {
  let make = MAKERS.get(keys);
  if (!make) MAKERS.set(keys, (make = recordMaker(keys)));
  return make;
}

/**
 * Records with some of a list's keys, in the list's order (a school's resources: the fields its
 * row has). The values come by key index, the keys present as bits of a mask; the maker of each
 * set of keys is made once (a province's rows have a handful of such sets).
 */
export class SparseRecords {
  private readonly makers = new Map<number, RecordMaker>();

  constructor(private readonly keys: readonly string[]) {
    if (keys.length > 30) throw new RangeError('SparseRecords: at most 30 keys');
  }

  make<T>(values: readonly T[], mask: number): Record<string, T> {
    let make = this.makers.get(mask);
    if (!make) {
      const at = this.keys.map((_, i) => i).filter((i) => mask & (1 << i));
      this.makers.set(
        mask,
        (make = picking(
          at.map((i) => this.keys[i]!),
          at,
        )),
      );
    }
    return make(values);
  }
}
