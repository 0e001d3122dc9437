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
import type { DocumentOutline } from './outline';
import type { ScenarioModel } from '../../report/scenario';
import { scenarioOutline } from './scenario';

export const renderDocx = (report: Report): Promise<Buffer> => written(documentOutline(report));

/** `scenario -f docx`: the alternatives compared, as a Word document. */
export const renderScenarioDocx = (model: ScenarioModel): Promise<Buffer> => written(scenarioOutline(model));

async function written(outline: DocumentOutline): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  const docx = require('docx') as typeof Docx;
  const charts = require('docx/charts') as typeof DocxCharts;
  const packed = await docx.Packer.toBuffer(buildDocument(docx, charts, outline));
  return deterministic(packed);
}
