// Where the waiting list breaks into pages: pure, so it is tested without a browser.

export interface RowBox {
  top: number;
  bottom: number;
}

/**
 * The index of each page's first row, for rows laid out top to bottom (rows side by side in
 * columns share a top) in a box `height` high. A page breaks only between lines of rows, so
 * rows side by side stay together; a line taller than the box gets a page of its own.
 */
export function pageStarts(rows: readonly RowBox[], height: number): number[] {
  const starts = [0];
  if (rows.length === 0) return starts;
  let pageTop = rows[0]!.top;
  let lineStart = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (i > 0 && row.top > rows[i - 1]!.top + 0.5) lineStart = i;
    if (row.bottom - pageTop > height + 0.5 && lineStart > starts[starts.length - 1]!) {
      starts.push(lineStart);
      pageTop = rows[lineStart]!.top;
    }
  }
  return starts;
}
