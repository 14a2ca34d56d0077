// The data behind a figure as tidy files: one row per drawn mark or grid point, one column per
// variable, units in the header. CSV follows RFC 4180 (CRLF; quoted when needed); JSON carries
// the same rows keyed by column, with the provenance of the figure.
import type { Cell, TableData } from '../charts/common/table';
import { csvField } from '../engine';
import type { FigureMeta } from './meta';

const EOL = '\r\n';

const cellText = (c: Cell | undefined): string | number | boolean | null =>
  c === undefined ? null : typeof c === 'number' && !Number.isFinite(c) ? String(c) : c;

/** The header row is the columns' labels, with their units, e.g. `Share who go free (share)`. */
export function tableCsv(t: TableData): string {
  const head = t.columns.map((c) => csvField(c.label)).join(',');
  const body = t.rows.map((r) => t.columns.map((c) => csvField(cellText(r[c.key]))).join(','));
  return [head, ...body].join(EOL) + EOL;
}

/** Unit in a label written as `Name (unit)`, or null. */
export function unitOf(label: string): string | null {
  const m = /\(([^()]+)\)\s*$/.exec(label);
  return m ? m[1] : null;
}

export function tableJson(t: TableData, meta: FigureMeta): string {
  const doc = {
    holdout: meta.version,
    chart: meta.chart,
    title: meta.title,
    scenario: meta.scenario,
    ...(meta.settings ? { settings: meta.settings } : {}),
    caption: t.caption,
    columns: t.columns.map((c) => ({ key: c.key, label: c.label, unit: unitOf(c.label) })),
    rows: t.rows.map((r) => Object.fromEntries(t.columns.map((c) => [c.key, cellText(r[c.key])]))),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
