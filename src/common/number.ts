/** Number formatting shared by the engine's messages and the renderers. */

/** 1234567.891 → "1,234,567.89" (Intl.NumberFormat costs more to build than every number it would format here). */
export function fmt(x: number, digits = 2): string {
  const [int, frac] = Math.abs(x).toFixed(digits).split('.');
  const sign = x < 0 && Number(x.toFixed(digits)) !== 0 ? '-' : '';
  return `${sign}${int!.replace(/\B(?=(\d{3})+$)/g, ',')}${frac ? `.${frac}` : ''}`;
}
