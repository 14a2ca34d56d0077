// The accessible alternative to a chart: a <details> "Show data table" holding a real <table>.
// Its rows are rendered only while it is open, so a closed table costs nothing per redraw.
import { useState } from 'react';
import type { Cell, TableData } from './table';
import { fmt } from './fields';

export const MAX_TABLE_ROWS = 1000;

function cell(v: Cell): string {
  if (v === null) return '–';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return fmt(v);
  return v;
}

export function DataTable({ table, maxRows = MAX_TABLE_ROWS }: { table: TableData; maxRows?: number }) {
  const [open, setOpen] = useState(false);
  const all = table.rows.length > maxRows ? table.rows.slice(0, maxRows) : table.rows;
  const rows = open ? all : [];
  return (
    <details className="hc-data-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Show data table</summary>
      <table>
        <caption>
          {table.caption}
          {all.length < table.rows.length
            ? ` (first ${fmt(all.length)} of ${fmt(table.rows.length)} rows)`
            : ''}
        </caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {table.columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row">
                    {cell(r[c.key] ?? null)}
                  </th>
                ) : (
                  <td key={c.key} style={c.numeric ? { textAlign: 'right' } : undefined}>
                    {cell(r[c.key] ?? null)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
