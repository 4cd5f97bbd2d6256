// Plain-text tables for the CLI's output: columns padded to their widest cell, numbers aligned
// right, an empty table said in words. Pure, so commands and tests share one layout.

export type Cell = string | number | null | undefined;

export interface TableOptions {
  /** Indentation of every line, e.g. "  ". */
  indent?: string;
  /** Columns to align right; by default a column is right-aligned when its cells are numbers (or empty). */
  alignRight?: readonly number[];
  /** Printed instead of the header when there are no rows. */
  empty?: string;
}

const text = (cell: Cell) => (cell === null || cell === undefined || cell === "" ? "-" : String(cell));

/** The table as lines: header, a rule of dashes, then one line per row. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  opts: TableOptions = {},
) {
  const indent = opts.indent ?? "";
  if (rows.length === 0) return [`${indent}${opts.empty ?? "(none)"}`];
  const right = headers.map(
    (_, i) =>
      opts.alignRight?.includes(i) ??
      (rows.some((row) => typeof row[i] === "number") &&
        rows.every((row) => typeof row[i] === "number" || row[i] === null || row[i] === undefined)),
  );
  const cells = rows.map((row) => headers.map((_, i) => text(row[i])));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] as string).length)));
  const line = (values: readonly string[]) =>
    indent +
    values
      .map((v, i) => {
        const w = widths[i] as number;
        if (i === values.length - 1 && !right[i]) return v;
        return right[i] ? v.padStart(w) : v.padEnd(w);
      })
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)];
}

/** The common case: the table's lines joined, for `ctx.out`. */
export const renderTable = (
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  opts?: TableOptions,
) => formatTable(headers, rows, opts).join("\n");
