/** The pipeline's rules that the code's imports show: the engine is pure, and its modules import no circle. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = join(import.meta.dirname, '..', 'src', 'engine');
const modules = new Map(
  readdirSync(ENGINE)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [f.replace(/\.ts$/, ''), readFileSync(join(ENGINE, f), 'utf8')] as const),
);
/** Every `from '…'` of a module (type-only imports too: a circle of types is still a circle to read). */
const importsOf = (text: string) => [...text.matchAll(/\bfrom '([^']+)'/g)].map((m) => m[1]!);

describe('the engine', () => {
  it('has no two modules that import each other, directly or round a longer circle', () => {
    const edges = new Map(
      [...modules].map(([name, text]) => [
        name,
        importsOf(text)
          .filter((i) => i.startsWith('./'))
          .map((i) => i.slice(2)),
      ]),
    );
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (name: string, path: string[]) => {
      if (state.get(name) === 'done') return;
      if (state.get(name) === 'open') {
        circles.push([...path.slice(path.indexOf(name)), name].join(' → '));
        return;
      }
      state.set(name, 'open');
      for (const next of edges.get(name) ?? []) visit(next, [...path, name]);
      state.set(name, 'done');
    };
    for (const name of modules.keys()) visit(name, []);
    expect(circles).toEqual([]);
  });

  it('reads and writes nothing: no file system, process or network module', () => {
    const io = [...modules].flatMap(([name, text]) =>
      importsOf(text)
        .filter((i) => /^(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads)$/.test(i))
        .map((i) => `${name}: ${i}`),
    );
    expect(io).toEqual([]);
  });
});
