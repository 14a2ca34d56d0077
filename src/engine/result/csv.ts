// The per-defendant rows of a result as CSV (RFC 4180: CRLF line ends, fields quoted when they
// hold a comma, a quote or a line break, quotes doubled). One row per defendant; null cells are
// empty, numbers use JavaScript's default formatting, booleans are true/false.
import type { Scenario } from '../scenario/schema';
import type { DefendantRow, Result } from './types';

export const CSV_COLUMNS = [
  'id',
  'group',
  'label',
  'rank',
  'outcome',
  'offer',
  'threatened',
  'withheld',
  'pledged',
  'never',
  'covered',
  'trialProbability',
] as const;

/** Docket results add the arrival week and the trial week (empty unless tried). */
export const DOCKET_CSV_COLUMNS = ['arrivalWeek', 'trialWeek'] as const;

const EOL = '\r\n';

/** One CSV field. */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rowLine(row: DefendantRow, labels: readonly string[], docket: boolean): string {
  const weeks = docket ? [row.arrivalWeek, row.trialWeek] : [];
  return (
    [
      row.id,
      row.group,
      labels[row.group] ?? '',
      row.rank,
      row.outcome,
      row.offer,
      row.threatened,
      row.withheld,
      row.pledged,
      row.never,
      row.covered,
      row.trialProbability,
      ...weeks,
    ]
      .map(csvField)
      .join(',') + EOL
  );
}

/**
 * The CSV line by line (each with its CRLF): the header, then one line per defendant. A result
 * whose rows were left out (defendantsOmitted) gives the header only; solve with
 * `{ rows: 'always' }` to export them.
 */
export function* csvRows(result: Result, scenario: Scenario): Generator<string, void, undefined> {
  const docket = result.regime === 'docket';
  yield [...CSV_COLUMNS, ...(docket ? DOCKET_CSV_COLUMNS : [])].join(',') + EOL;
  const rows = result.defendants;
  if (!rows) return;
  const labels = scenario.groups.map((g) => g.label);
  for (const row of rows) yield rowLine(row, labels, docket);
}

/** The whole CSV as one string. */
export function resultToCsv(result: Result, scenario: Scenario): string {
  let out = '';
  for (const line of csvRows(result, scenario)) out += line;
  return out;
}
