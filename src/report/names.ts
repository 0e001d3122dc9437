// Takes: the input's file name and the county a report is of (--county).
// Gives: the name its reports share: `<input>` or `<input>.<county>` (then .report.xlsx, .report.charts …).
import { basename, extname } from 'node:path';
import { withoutControls } from '../common/controls';

/** A county's name as part of a file name: nothing that would leave the folder or that a file system refuses. */
const safe = (s: string) =>
  withoutControls(s)
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/^\.+/, '');

/** `某市汇总.xlsx` → `某市汇总`, or `某市汇总.白水县` with `--county 白水县`: each county's reports apart from the file's and the others'. */
export function reportStem(fileName: string, county?: string): string {
  const stem = withoutControls(basename(fileName, extname(fileName)));
  return county === undefined || safe(county) === '' ? stem : `${stem}.${safe(county)}`;
}
