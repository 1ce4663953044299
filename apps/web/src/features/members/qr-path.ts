/**
 * A QR code's dark modules as one SVG path ("M x y h1 v1 h-1 z" per run of dark cells on a row),
 * drawn in module units inside a viewBox with a quiet zone, so it scales sharply at any size.
 */
export interface QrMatrix {
  size: number;
  isDark: (row: number, column: number) => boolean;
}

export const quietZone = 4;

export function qrViewBox(size: number): string {
  const side = size + quietZone * 2;
  return `0 0 ${String(side)} ${String(side)}`;
}

export function qrSvgPath({ size, isDark }: QrMatrix): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (!isDark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < size && isDark(row, column)) column++;
      const run = column - start;
      parts.push(
        `M${String(start + quietZone)} ${String(row + quietZone)}h${String(run)}v1h-${String(run)}z`,
      );
    }
  }
  return parts.join('');
}
