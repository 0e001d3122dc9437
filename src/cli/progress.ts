/** A progress line on stderr while a large input is read and computed. */

/** Rows read and counties computed, on a terminal, for inputs past a few thousand rows; at most ten updates a second. */
export function progressReporter(
  quiet: boolean | undefined,
  write: (s: string) => unknown = (s) => process.stderr.write(s),
  tty = !!process.stderr.isTTY,
  now = () => Date.now(),
) {
  if (quiet || !tty) return undefined;
  let last = -Infinity;
  let large = false;
  return (p: { rows: number } | { counties: number; of: number }) => {
    if ('rows' in p) large = p.rows >= PROGRESS_FROM_ROWS;
    if (!large) return;
    const done = 'counties' in p && p.counties === p.of;
    if (!done && now() - last < 100) return;
    last = now();
    write(
      `\r${'rows' in p ? `已读取 ${p.rows.toLocaleString('en-US')} 行学校数据 …` : `已计算 ${p.counties.toLocaleString('en-US')} / ${p.of.toLocaleString('en-US')} 个县（市、区）…`}\x1b[K`,
    );
  };
}
/** Inputs smaller than this finish before a progress line could be read. */
const PROGRESS_FROM_ROWS = 5000;
