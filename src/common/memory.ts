/**
 * A full garbage collection, for the few places that have just let go of hundreds of megabytes
 * (a written 100 000-row sheet): V8 grows its heap lazily on a large machine (its limit here is
 * 4 GB), so without it a county of 30 000 schools peaked at 1.13 GB of which half was garbage
 * (issue 27: ≤ 1 GB on any input). Node has no public call for it: the flag is set at run time
 * and the function taken from a fresh context, once. A no-op where that fails.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as unknown;
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
