import { describe, expect, it } from 'vitest';
import { unzip } from '../src/read/unzip';
import { crc32, jsCrc32 } from '../src/common/crc32';
import { zip } from '../src/render/spreadsheet/zip';

describe('zip writer', () => {
  it('round-trips entries, including UTF-8 names', () => {
    const entries = [
      { name: 'a.xml', data: Buffer.from('<a>你好</a>') },
      { name: '目录/b.txt', data: Buffer.alloc(100_000, 'x') },
    ];
    const back = unzip(zip(entries));
    expect([...back.keys()]).toEqual(['a.xml', '目录/b.txt']);
    expect(back.get('a.xml')!.toString()).toBe('<a>你好</a>');
    expect(back.get('目录/b.txt')!.equals(entries[1]!.data)).toBe(true);
  });

  it('is deterministic: the same entries give the same bytes', () => {
    const entries = [{ name: 'x', data: Buffer.from('same') }];
    expect(zip(entries).equals(zip(entries))).toBe(true);
  });

  it('the CRC-32 check value of "123456789" is CBF43926, in JS and natively', () => {
    expect(jsCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
