/**
 * Formulas written without a cached result (openpyxl and other scripts store `<f>P3+Q3</f><v></v>`).
 * Takes a formula's text and a way to read a cell of its own sheet; gives its number, or why it cannot.
 * Only arithmetic is computed: numbers, cells and ranges of the same sheet, + − × ÷ ^, parentheses,
 * unary signs, %, SUM / AVERAGE / MIN / MAX, and ROUND / ROUNDUP / ROUNDDOWN / INT / ABS. Anything else (another sheet, IF, text) is left to
 * Excel or WPS: the cell is then FORMULA_NO_RESULT, never a guess; so is a formula whose every referenced
 * cell is blank (Excel's 0 for =SUM(X1:X2), but no school's figure).
 */

import { columnLetters } from '../common/a1';

export type FormulaResult = { ok: true; value: number } | { ok: false; why: string };

/** A referenced cell as the formula sees it: a number, blank, something else (text, error), or a cycle. */
export type RefValue = { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'other'; why: string };

/** Reads the cell at 0-based row and column (its own formula computed first, by the caller). */
export type CellReader = (row: number, col: number) => RefValue;

type Token =
  { t: 'num'; v: number } | { t: 'ref'; row: number; col: number } | { t: 'name'; v: string } | { t: 'op'; v: string };

/** Functions over numbers and ranges; text and blanks in a range are skipped, as Excel does. */
const FUNCTIONS: Record<string, (xs: number[]) => number | null> = {
  SUM: (xs) => xs.reduce((a, b) => a + b, 0),
  AVERAGE: (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null),
  MIN: (xs) => (xs.length ? xs.reduce((a, b) => (b < a ? b : a)) : 0),
  MAX: (xs) => (xs.length ? xs.reduce((a, b) => (b > a ? b : a)) : 0),
  // ROUND(x, n) as Excel rounds: half away from zero; ROUNDUP / ROUNDDOWN away from / towards zero; INT down.
  ROUND: (xs) => (xs.length === 2 ? roundBy(xs[0]!, xs[1]!, Math.round) : null),
  ROUNDUP: (xs) => (xs.length === 2 ? roundBy(xs[0]!, xs[1]!, Math.ceil) : null),
  ROUNDDOWN: (xs) => (xs.length === 2 ? roundBy(xs[0]!, xs[1]!, Math.floor) : null),
  INT: (xs) => (xs.length === 1 ? Math.floor(xs[0]!) : null),
  ABS: (xs) => (xs.length === 1 ? Math.abs(xs[0]!) : null),
};

/** x to n decimals (n < 0: tens, hundreds …), `by` applied to its size, the sign kept: as Excel does. */
function roundBy(x: number, n: number, by: (v: number) => number): number {
  const f = 10 ** Math.trunc(n);
  // Through the decimal text, so that 2.675 is 2.68 as written (not 2.67 as 2.675 × 100 is stored).
  const scaled = Number(`${Math.abs(x)}e${Math.trunc(n)}`);
  const v = by(Number.isFinite(scaled) ? scaled : Math.abs(x) * f) / f;
  return x < 0 ? -v : v;
}

/** Longest formula read: anything longer is no arithmetic a statistics table holds. */
const MAX_FORMULA = 2000;
/** Cells one range may span (SUM(A1:XFD1048576) is no table's sum). */
const MAX_RANGE_CELLS = 100_000;

class Unsupported extends Error {}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re =
    /\s+|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|\$?([A-Za-z]{1,3})\$?(\d{1,7})(?![\w(])|([A-Za-z][A-Za-z0-9.]*)|([-+*/^%(),:])/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new Unsupported(`“${text.slice(at, at + 10)}”`);
    at = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) {
      const row = Number(m[3]) - 1;
      const col = columnIndex(m[2].toUpperCase());
      if (row < 0 || row >= 1_048_576 || col >= 16_384) throw new Unsupported(`${m[2]}${m[3]}`);
      out.push({ t: 'ref', row, col });
    } else if (m[4] !== undefined) out.push({ t: 'name', v: m[4].toUpperCase() });
    else if (m[5] !== undefined) out.push({ t: 'op', v: m[5] });
  }
  return out;
}

class Parser {
  private at = 0;
  /** Cells read, and how many of them held a number: a formula over blank cells only gives no figure. */
  refs = 0;
  numbers = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly read: CellReader,
  ) {}

  parse(): number {
    const v = this.expr();
    if (this.at < this.tokens.length) throw new Unsupported(this.describe(this.tokens[this.at]!));
    return v;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }

  private expect(v: string) {
    if (!this.isOp(v)) throw new Unsupported(this.peek() ? this.describe(this.peek()!) : '公式不完整');
    this.at++;
  }

  private describe(t: Token): string {
    return t.t === 'num' ? String(t.v) : t.t === 'ref' ? '单元格引用' : `“${t.v}”`;
  }

  private expr(): number {
    let v = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tokens[this.at++] as { v: string }).v;
      const w = this.term();
      v = op === '+' ? v + w : v - w;
    }
    return v;
  }

  private term(): number {
    let v = this.power();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.tokens[this.at++] as { v: string }).v;
      const w = this.power();
      if (op === '/' && w === 0) throw new Unsupported('除数为 0（#DIV/0!）');
      v = op === '*' ? v * w : v / w;
    }
    return v;
  }

  /** ^ from left to right, as Excel evaluates it (2^3^2 = 64); a sign binds tighter (-2^2 = 4). */
  private power(): number {
    let v = this.unary();
    while (this.isOp('^')) {
      this.at++;
      v = v ** this.unary();
    }
    return v;
  }

  private unary(): number {
    if (this.isOp('-')) {
      this.at++;
      return -this.unary();
    }
    if (this.isOp('+')) {
      this.at++;
      return this.unary();
    }
    let v = this.primary();
    while (this.isOp('%')) {
      this.at++;
      v /= 100;
    }
    return v;
  }

  private primary(): number {
    const t = this.peek();
    if (!t) throw new Unsupported('公式不完整');
    this.at++;
    if (t.t === 'num') return t.v;
    if (t.t === 'ref') {
      if (this.isOp(':')) throw new Unsupported('区域只能用在 SUM、AVERAGE、MIN、MAX 中');
      const cell = this.read(t.row, t.col);
      this.refs++;
      if (cell.kind === 'blank') return 0;
      this.numbers++;
      if (cell.kind === 'other') throw new Unsupported(cell.why);
      return cell.value;
    }
    if (t.t === 'op' && t.v === '(') {
      const v = this.expr();
      this.expect(')');
      return v;
    }
    if (t.t === 'name') {
      const f = Object.hasOwn(FUNCTIONS, t.v) ? FUNCTIONS[t.v] : undefined;
      if (!f || !this.isOp('(')) throw new Unsupported(`“${t.v}”`);
      this.at++;
      const xs: number[] = [];
      if (!this.isOp(')'))
        for (;;) {
          this.argument(xs);
          if (this.isOp(')')) break;
          this.expect(',');
        }
      this.expect(')');
      const v = f(xs);
      if (v === null) throw new Unsupported(`${t.v} 的参数个数不对，或其中没有数值`);
      return v;
    }
    throw new Unsupported(this.describe(t));
  }

  /** One argument of a function: a range or a single cell (their numbers only), or an expression. */
  private argument(xs: number[]) {
    const t = this.peek();
    const next = this.tokens[this.at + 1];
    const isRef = t?.t === 'ref';
    const endsHere = !next || (next.t === 'op' && (next.v === ',' || next.v === ')' || next.v === ':'));
    if (!isRef || !endsHere) {
      xs.push(this.expr());
      return;
    }
    this.at++;
    let [top, left, bottom, right] = [t.row, t.col, t.row, t.col];
    if (this.isOp(':')) {
      this.at++;
      const end = this.peek();
      if (end?.t !== 'ref') throw new Unsupported('区域写法不完整');
      this.at++;
      [top, bottom] = [Math.min(t.row, end.row), Math.max(t.row, end.row)];
      [left, right] = [Math.min(t.col, end.col), Math.max(t.col, end.col)];
    }
    if ((bottom - top + 1) * (right - left + 1) > MAX_RANGE_CELLS) throw new Unsupported('区域过大');
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        const cell = this.read(r, c);
        this.refs++;
        if (cell.kind === 'number') {
          xs.push(cell.value);
          this.numbers++;
        } else if (cell.kind === 'other' && cell.why.startsWith('循环引用')) throw new Unsupported(cell.why);
      }
  }
}

/** The number an arithmetic formula gives over the cells `read` returns. */
export function evaluateFormula(formula: string, read: CellReader): FormulaResult {
  const text = formula.trim().replace(/^=/, '');
  if (text === '') return { ok: false, why: '公式为空' };
  if (text.length > MAX_FORMULA) return { ok: false, why: '公式过长' };
  if (text.includes('!')) return { ok: false, why: '引用了其他工作表' };
  try {
    const parser = new Parser(tokenize(text), read);
    const value = parser.parse();
    // =SUM(X1:X2) over empty cells is 0 in Excel, but no school's figure: a reference gone astray.
    if (parser.refs > 0 && parser.numbers === 0) return { ok: false, why: '引用的单元格都是空的' };
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, why: '结果不是有限数值' };
  } catch (e) {
    if (e instanceof Unsupported) {
      // A function this evaluator does not compute is named, whatever part the reading stopped at.
      const other = [...text.matchAll(/([A-Za-z][A-Za-z0-9.]*)\s*\(/g)]
        .map((m) => m[1]!.toUpperCase())
        .find((name) => !Object.hasOwn(FUNCTIONS, name));
      return { ok: false, why: `含不能计算的部分：${other ? `函数 ${other}` : e.message}` };
    }
    throw e;
  }
}

/** Why a shared formula's cell has no text: said alike by both readers (ooxml.ts, xlsx.ts). */
export const SHARED_TEXT_MISSING = '该共享公式的公式文本在文件中找不到（文件不完整）';
export const SHARED_OFF_GRID = '公式移到此格后引用超出表格范围（#REF!）';

/**
 * The pieces of a formula a shared formula's other cells move: quoted text and sheet names and a
 * table's [column] (kept), a cell (A1, $A$1), a whole-column range (A:C), a whole-row range (1:3). A name or function is never
 * preceded by a letter, digit, `.` or `$` here, nor followed by `(` or `!`.
 */
const MOVABLE =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]|(?<![\w.$])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w.(!])|(?<![\w.$:])(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\w.(!:])|(?<![\w.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w.(!])/g;

/**
 * A shared formula as one of its other cells has it: Excel stores the text once, in the first cell
 * (`<f t="shared" ref="H2:H7" si="0">C2*5</f>`), and each other cell of the range is that text with
 * its relative references moved by the cell's offset (H3: C3*5); `$` parts stay. Null when a moved
 * reference falls off the grid (Excel's #REF!).
 */
export function slideFormula(formula: string, rows: number, cols: number): string | null {
  let offGrid = false;
  const moveCol = (dollar: string, letters: string) => {
    const col = columnIndex(letters.toUpperCase());
    if (dollar || col >= 16_384) return `${dollar}${letters}`;
    const moved = col + cols;
    if (moved < 0 || moved >= 16_384) offGrid = true;
    return columnLetters(moved);
  };
  const moveRow = (dollar: string, digits: string) => {
    if (dollar) return `${dollar}${digits}`;
    const moved = Number(digits) + rows;
    if (moved < 1 || moved > 1_048_576) offGrid = true;
    return String(moved);
  };
  const out = formula.replace(MOVABLE, (whole, ...g: (string | undefined)[]) => {
    if (g[1] !== undefined) return `${moveCol(g[0]!, g[1])}:${moveCol(g[2]!, g[3]!)}`;
    if (g[5] !== undefined) return `${moveRow(g[4]!, g[5])}:${moveRow(g[6]!, g[7]!)}`;
    if (g[9] !== undefined) {
      // Past Excel's last column (XFD) the letters are a name's, not a column's.
      if (columnIndex(g[9].toUpperCase()) >= 16_384) return whole;
      return `${moveCol(g[8]!, g[9])}${moveRow(g[10]!, g[11]!)}`;
    }
    return whole;
  });
  return offGrid ? null : out;
}
