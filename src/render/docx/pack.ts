/**
 * The same report, the same bytes: docx stamps the package with the time (the core properties'
 * created and modified, every zip entry's date, the chart's embedded workbook's too) and names
 * some relationships at random, and numbers drawings on from the last document the process made.
 * Here the package is written again: the timestamps left out, the random relationship ids and the
 * drawings numbered in order of appearance, and every entry (an embedded workbook's as well)
 * zipped with the fixed date the Excel report uses.
 */
import { unzip } from '../../read/unzip';
import { zip } from '../spreadsheet/zip';

/** A relationship id docx drew at random (21 characters of nanoid, lower-cased), in an attribute. */
const RANDOM_ID = /\brId[0-9a-z_-]{21}(?=")/g;
const TIMESTAMPS = /<dcterms:(?:created|modified)\b[^>]*>[^<]*<\/dcterms:(?:created|modified)>/g;
/** A drawing's id: docx counts them across every document the process makes. */
const DRAWING_ID = /(<wp:docPr id=")\d+(?=")/g;

export function deterministic(packed: Buffer): Buffer {
  const ids = new Map<string, string>();
  const renumber = (id: string) => {
    let mine = ids.get(id);
    if (mine === undefined) ids.set(id, (mine = `rIdR${ids.size + 1}`));
    return mine;
  };
  let drawings = 0;
  const again = (archive: Buffer): Buffer =>
    zip(
      [...unzip(archive)].map(([name, data]) => {
        if (/\.(xlsx|xlsm)$/.test(name)) return { name, data: again(data) };
        if (!/\.(xml|rels)$/.test(name)) return { name, data };
        const xml = data.toString('utf8');
        const fixed = xml
          .replace(RANDOM_ID, renumber)
          .replace(TIMESTAMPS, '')
          .replace(DRAWING_ID, (_, head: string) => `${head}${++drawings}`);
        return { name, data: fixed === xml ? data : Buffer.from(fixed, 'utf8') };
      }),
    );
  return again(packed);
}
