/** The user guide: README.md, CHANGELOG.md and docs/ link to files that exist; the README stays short and keeps its set-up commands. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

const markdownUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });

const guide = [join(root, 'README.md'), join(root, 'CHANGELOG.md'), ...markdownUnder(join(root, 'docs'))];

/** Every link target of a Markdown text, outside code blocks and code spans: `[text](target)` and `[text]: target`. */
function links(text: string): string[] {
  const prose = text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  const inline = [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
  const reference = [...prose.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]!);
  return [...inline, ...reference];
}

const external = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

describe('the user guide', () => {
  it('has its files', () => {
    for (const name of [
      'CHANGELOG.md',
      'docs/README.md',
      'docs/数据准备.md',
      'docs/报告说明.md',
      'docs/方法与口径.md',
      'docs/整改测算.md',
      'docs/CI集成.md',
      'docs/限制.md',
      'docs/选择说明.md',
    ])
      expect(existsSync(join(root, name)), name).toBe(true);
  });

  it('every relative link points at a file or folder that exists', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of guide) {
      for (const target of links(readFileSync(file, 'utf8'))) {
        if (external(target) || target.startsWith('#')) continue;
        const path = decodeURIComponent(target.split('#')[0]!);
        checked++;
        if (!existsSync(resolve(dirname(file), path))) broken.push(`${relative(root, file)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('every table row has as many cells as its header (a | inside a cell is written \\|)', () => {
    const ragged: string[] = [];
    for (const file of guide) {
      let header: number | undefined;
      let code = false;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.startsWith('```')) code = !code;
          const row = line.trim();
          if (code || !row.startsWith('|')) return void (header = undefined);
          const cells = row.split(/(?<!\\)\|/).length - 2;
          if (header === undefined) header = cells;
          else if (cells !== header) ragged.push(`${relative(root, file)}:${i + 1}（${cells} ≠ ${header}）`);
        });
    }
    expect(ragged).toEqual([]);
  });

  it('finds a broken link (the check itself)', () => {
    expect(links('见[数据准备](docs/没有这个文件.md)，`[不是](链接)`')).toEqual(['docs/没有这个文件.md']);
    expect(links('```\n[不是](链接)\n```\n[是]: docs/README.md')).toEqual(['docs/README.md']);
  });

  it('README.md is a short page that keeps the two set-up commands verbatim', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(260);
    const lines = readme.split('\n');
    // CI and reviewers run these two lines as they stand: byte for byte, in this order, in one sh block.
    const setUp = [
      '```sh',
      'npm ci && node bin/balance-check.js fixtures/sample-county.xlsx -o out    # run on the bundled sample county',
      'npm ci && npm test                                                       # run the tests',
      '```',
    ];
    const at = lines.indexOf(setUp[1]!);
    expect(at, 'the sample-county set-up line').toBeGreaterThan(0);
    expect(lines.slice(at - 1, at + 3)).toEqual(setUp);
  });
});
