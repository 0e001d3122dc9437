/** The 说明 (notes on how the file was read) in the terminal: counted in the summary, listed with --notes (#28). */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmp } from './helpers/files';

const run = (args: string[]) =>
  spawnSync(process.execPath, [resolve('bin/balance-check.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
const SAMPLE = resolve('fixtures/sample-county.xlsx');

describe('--notes', () => {
  it('the check counts the 说明 and says how to list them; --notes lists every one on stderr', () => {
    const plain = run([SAMPLE, '-o', tmp()]);
    expect(plain.stdout).toContain('说明 11 条（加 --notes 列出）');
    expect(plain.stderr).not.toContain('说明 [');
    const listed = run([SAMPLE, '-o', tmp(), '--notes']);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('说明 11 条');
    expect(listed.stdout).not.toContain('加 --notes');
    const notes = listed.stderr.split('\n').filter((l) => l.startsWith('说明 ['));
    expect(notes).toHaveLength(11);
    expect(notes[0]).toBe(
      '说明 [UNIT_CONVERTED] 学校数据!S3［教学仪器设备资产值（万元）］：表头单位“万元”：此列数值 × 10000 换算为元',
    );
  }, 30_000);

  it('validate and plan list them too', () => {
    for (const args of [
      ['validate', SAMPLE, '--notes'],
      ['plan', SAMPLE, '--notes'],
    ]) {
      const r = run(args);
      expect(r.status, args[0]).toBe(0);
      expect(
        r.stderr.split('\n').filter((l) => l.startsWith('说明 [')),
        args[0],
      ).toHaveLength(11);
    }
  }, 30_000);
});
