/** A1 cell addresses, shared by the reader (positions in messages) and the xlsx writer. */

const LETTERS: string[] = [];

/** Column letters from a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let s = LETTERS[col];
  if (s === undefined) {
    s = '';
    for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    if (col < 1024) LETTERS[col] = s;
  }
  return s;
}

/** A1 address from 0-based row and column. */
export const a1 = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
