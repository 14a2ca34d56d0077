// The data-table alternative every chart offers: plain columns and rows (built in data.ts).

export interface TableColumn {
  key: string;
  label: string;
  /** Right-align numbers. */
  numeric?: boolean;
}

export type Cell = string | number | boolean | null;

export interface TableData {
  caption: string;
  columns: TableColumn[];
  rows: Record<string, Cell>[];
}
