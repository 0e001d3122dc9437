/**
 * What a county signs its tables with (填报单位：××县教育局 above the header; 填表人：王芳　审核人：李强
 * 填表日期：2025年3月 below it): each label's text, for the report's cover. Labels are profile wording.
 */
import type { Wording } from '../engine/checklist-rules';

export interface Signatures {
  unit?: string;
  filler?: string;
  reviewer?: string;
  date?: string;
}

type Labels = Wording['schoolRows']['signatures'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Each label's value in these texts, the first written: what follows “label：” up to the next label,
 * a gap of two spaces or the text's end, without its closing punctuation. A label with nothing after it
 * (填表人：, to be filled in by hand) gives nothing.
 */
export function signaturesIn(texts: readonly string[], labels: Labels): Signatures {
  const byLabel = new Map<string, keyof Signatures>();
  for (const key of ['unit', 'filler', 'reviewer', 'date'] as const)
    for (const l of labels[key]) if (!byLabel.has(l)) byLabel.set(l, key);
  if (byLabel.size === 0) return {};
  // Longest first, so that 填表日期 is not read as its 日期.
  const pattern = new RegExp(
    `(${[...byLabel.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})[ \\t\\u3000]*[:：]`,
    'g',
  );
  const out: Signatures = {};
  for (const text of texts) {
    const found = [...text.matchAll(pattern)];
    found.forEach((m, k) => {
      const key = byLabel.get(m[1]!)!;
      const end = k + 1 < found.length ? found[k + 1]!.index : text.length;
      // Up to the next label, or to a gap of two spaces (填报单位：示例县教育局　　统计时点：2024年9月).
      const rest = text.slice(m.index + m[0].length, end).replace(/^[\s\u3000]+/, '');
      const value = rest.split(/[\s\u3000]{2,}|\t/)[0]!.replace(/[\s\u3000，,；;。]+$/, '');
      if (value && out[key] === undefined) out[key] = value;
    });
  }
  return out;
}
