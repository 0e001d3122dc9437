/**
 * `-f docx`: the report as a Word document a county hands in with its 自评报告. docx is loaded
 * here, only when a Word document is asked for (its size would slow every start otherwise).
 */
import { createRequire } from 'node:module';
import type * as Docx from 'docx';
import type * as DocxCharts from 'docx/charts';
import type { Report } from '../../report/model';
import { buildDocument } from './build';
import { documentOutline } from './document';
import { deterministic } from './pack';

export async function renderDocx(report: Report): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  const docx = require('docx') as typeof Docx;
  const charts = require('docx/charts') as typeof DocxCharts;
  const packed = await docx.Packer.toBuffer(buildDocument(docx, charts, documentOutline(report)));
  return deterministic(packed);
}
