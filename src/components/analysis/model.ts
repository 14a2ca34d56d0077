// What the Sweep and Phase-diagram panels offer and say, without React: the numeric fields a
// person can sweep (labels, units and ranges from the scenario schema, per group and for all
// groups), and the plain-language result lines. Pure, so it is tested without a DOM.
import {
  SECTIONS,
  scenarioFields,
  type FieldDescriptor,
  type ScenarioObjectSchema,
  type Section,
} from '../editor/fields';
import { fmt } from '../../charts/common/fields';
import type {
  OutcomeKey,
  PhaseResult,
  SuccessCriterion,
  SweepPoint,
} from '../../engine';
import { DERIVED_GROUP_FIELDS, QUANTITIES, gridValues, meetsCriterion } from '../../engine';
import { jsonText } from '../../library/jsonText';

export interface SweepField {
  /** Engine field path: `groups[*].pledgedShare`, `groups[1].pledgedShare`, `prosecutor.budget`. */
  path: string;
  /** "Pledged share — all groups", "Pledged share — group 2 (Q1: other felonies)". */
  label: string;
  /** The field's own title ("Pledged share"). */
  title: string;
  /** For sentences: "pledged share of all groups", "trial budget (B)". */
  phrase: string;
  unit: string;
  section: Section;
  /** Optgroup heading. */
  group: string;
  integer: boolean;
  /** Suggested range from the schema: the hard minimum (else 0) to the slider top (else the hard maximum). */
  from: number;
  to: number;
  /** Hard range for checking what is typed. */
  min?: number;
  max?: number;
}

const NOT_SWEPT = new Set(['seed', 'runs']);
const NUMERIC = new Set(['number', 'integer', 'nullableNumber']);

function sweepable(f: FieldDescriptor): boolean {
  return NUMERIC.has(f.kind) && !NOT_SWEPT.has(f.key);
}

function groupsOf(scenario: unknown): { label: string }[] {
  const g = (scenario as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(g)) return [];
  return g.map((x) => ({
    label:
      typeof (x as { label?: unknown })?.label === 'string' ? (x as { label: string }).label : '',
  }));
}

function base(f: FieldDescriptor): Omit<SweepField, 'path' | 'label' | 'group' | 'phrase'> {
  const integer = f.kind === 'integer' || f.integer === true;
  const from = f.min !== undefined && Number.isFinite(f.min) && f.min > -1e12 ? f.min : 0;
  const top = f.sliderMax ?? (f.max !== undefined && f.max < 1e12 ? f.max : undefined);
  return {
    title: f.title,
    unit: f.unit ?? '',
    section: f.section,
    integer,
    from,
    to: top ?? from + 10,
    min: f.min,
    max: f.max,
  };
}

const SHOWN_GROUPS = 50;

/**
 * Every numeric field of the scenario a person can sweep, section by section (the editor's
 * order): scenario-wide fields once, group fields for all groups at once and for each group.
 * `schema` is the scenario's object schema (the registry's unless a test composed an extra lever).
 */
export function sweepFields(scenario: unknown, schema?: ScenarioObjectSchema): SweepField[] {
  const groups = groupsOf(scenario).slice(0, SHOWN_GROUPS);
  const out: SweepField[] = [];
  // The docket's fields (capacity, deadline, weeks, arrival weeks, detention) matter only under
  // the docket, and its budget does not matter there.
  const docket =
    (scenario as { prosecutor?: { regime?: unknown } } | null)?.prosecutor?.regime === 'docket';
  for (const section of SECTIONS) {
    if (section === 'Docket' && !docket) continue;
    const fields = scenarioFields(schema).filter(
      (f) => f.section === section && sweepable(f) && !(docket && f.path === 'prosecutor.budget'),
    );
    for (const f of fields) {
      if (f.scope === 'scenario') {
        out.push({
          ...base(f),
          path: f.path,
          label: f.title,
          phrase: inSentence(f.title),
          group: section,
        });
        continue;
      }
      const tail = f.path.replace(/^groups\[\]/, '');
      if (tail === '.pledgedShare') {
        // The organizer's lever: every group pledges the same share of its members who are not
        // hard core (pledgedShare = x·(1 − neverPleadsShare)), valid whatever the hard core.
        out.push({
          ...base(f),
          path: 'groups[*].pledgedShareOfRest',
          // Worded as the charts' axis and the command-line figure word it (the engine's title).
          label: `${DERIVED_GROUP_FIELDS.pledgedShareOfRest.title} — all groups`,
          phrase: inSentence(DERIVED_GROUP_FIELDS.pledgedShareOfRest.title),
          group: section,
          from: 0,
          to: 1,
          min: 0,
          max: 1,
        });
      }
      if (tail === '.firstWeek') {
        // The docket's wave: one group arriving all in one chosen week (firstWeek = lastWeek).
        groups.forEach((g, i) =>
          out.push({
            ...base(f),
            path: `groups[${i}].waveWeek`,
            label: `Whole group in one week (a wave) — group ${i + 1}${g.label ? ` (${g.label})` : ''}`,
            title: 'Wave week',
            phrase: `the week group ${i + 1} arrives in (all at once)`,
            group: section,
          }),
        );
      }
      out.push({
        ...base(f),
        path: `groups[*]${tail}`,
        label: `${f.title} — all groups`,
        phrase: `${inSentence(f.title)} of all groups`,
        group: section,
      });
      if (groups.length > 1)
        groups.forEach((g, i) =>
          out.push({
            ...base(f),
            path: `groups[${i}]${tail}`,
            label: `${f.title} — group ${i + 1}${g.label ? ` (${g.label})` : ''}`,
            phrase: `${inSentence(f.title)} of group ${i + 1}`,
            group: section,
          }),
        );
    }
  }
  return out;
}

/** The field for a path among `fields`, else a fallback (the first whose path is `preferred`). */
export function pickField(
  fields: readonly SweepField[],
  path: string,
  preferred: string,
): SweepField | undefined {
  return (
    fields.find((f) => f.path === path) ?? fields.find((f) => f.path === preferred) ?? fields[0]
  );
}

/** "Pledged share (all groups)" in a sentence: first letter lowered unless an acronym. */
export function inSentence(label: string): string {
  if (label.length > 1 && label[1] === label[1].toUpperCase() && /[A-Z]/.test(label[1]))
    return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

export function valueWithUnit(x: number, unit: string): string {
  return unit && unit !== 'share' && unit !== 'probability' ? `${fmt(x)} ${unit}` : fmt(x);
}

/** Runs of consecutive succeeding points, in x order: [from, to] pairs. */
export function successRuns(
  points: readonly SweepPoint[],
  criterion?: SuccessCriterion | null,
): [number, number][] {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const runs: [number, number][] = [];
  let open: [number, number] | null = null;
  for (const p of sorted) {
    if (meetsCriterion(p.outcomes, criterion) === 1) {
      if (open) open[1] = p.x;
      else {
        open = [p.x, p.x];
        runs.push(open);
      }
    } else open = null;
  }
  return runs;
}

const SUCCESS = 'the strike succeeds (plea bargaining extracts no more than trials alone)';

/** What success means, in words (MODEL §5: the default, or a share free, or a take per defendant). */
export function criterionPhrase(c?: SuccessCriterion | null): string {
  if (!c || c.kind === 'takeAtMostNoPlea') return SUCCESS;
  if (c.kind === 'shareFreeAtLeast')
    return `the strike succeeds (at least ${fmt(Math.round(c.value * 1000) / 10)}% of defendants go free)`;
  return `the strike succeeds (her take is at most ${fmt(c.value)} years per defendant)`;
}

/**
 * The plain-language result of a sweep: "The strike succeeds (…) from pledged share 0.35 on",
 * "… never in this range", or the stretches where it does.
 */
export function sweepSentence(
  points: readonly SweepPoint[],
  field: Pick<SweepField, 'phrase' | 'unit'>,
  extra: {
    range?: readonly [number, number];
    skipped?: number;
    criterion?: SuccessCriterion | null;
  } = {},
): string {
  const name = field.phrase;
  const custom = !!extra.criterion && extra.criterion.kind !== 'takeAtMostNoPlea';
  const v = (x: number) => valueWithUnit(x, field.unit);
  const skipped = extra.skipped ?? 0;
  const note =
    skipped > 0
      ? ` ${fmt(skipped)} of ${fmt(skipped + points.length)} points are not valid scenarios and were skipped.`
      : '';
  if (points.length === 0)
    return `No point of this range is a valid scenario, so nothing was computed.`;
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const lo = extra.range ? Math.min(...extra.range) : sorted[0].x;
  const hi = extra.range ? Math.max(...extra.range) : sorted[sorted.length - 1].x;
  const span = `${name} from ${v(lo)} to ${v(hi)}`;
  const runs = successRuns(sorted, extra.criterion);
  const phrase = criterionPhrase(extra.criterion);
  const cap = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  const first = sorted[0].x;
  const last = sorted[sorted.length - 1].x;
  if (runs.length === 0)
    return custom
      ? `The strike never succeeds in this range (${span}) by this measure: ${phrase.replace(/^the strike succeeds /, '')} nowhere.${note}`
      : `The strike never succeeds in this range (${span}): plea bargaining always extracts more than trials alone would.${note}`;
  if (runs.length === 1 && runs[0][0] === first && runs[0][1] === last)
    return `${cap} everywhere in this range (${span}).${note}`;
  if (runs.length === 1 && runs[0][1] === last)
    return `${cap} from ${name} ${v(runs[0][0])} on.${note}`;
  const parts = runs.map(([a, b]) => (a === b ? v(a) : `${v(a)} to ${v(b)}`));
  const list =
    parts.length === 1
      ? parts[0]
      : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${cap} only at ${name} ${list}.${note}`;
}

const outcome = (key: OutcomeKey) => ({ key, label: QUANTITIES[key].title });

export const SWEEP_OUTCOMES: readonly { key: OutcomeKey; label: string }[] = (
  ['takeRatio', 'shareFree', 'take', 'pleas', 'trials', 'stopRank'] as const
).map(outcome);

export const PHASE_OUTCOMES: readonly { key: OutcomeKey; label: string }[] = [
  ...SWEEP_OUTCOMES,
  ...(['takePerDefendant', 'strikeSucceeds'] as const).map(outcome),
];

/**
 * The plain-language result of a finished phase diagram: where on the grid the strike succeeds,
 * and where the boundary runs (per row of y, the least x from which it succeeds).
 */
export function phaseSentence(
  phase: PhaseResult,
  x: Pick<SweepField, 'phrase' | 'unit'>,
  y: Pick<SweepField, 'phrase' | 'unit'>,
  criterion?: SuccessCriterion | null,
): string {
  const text = phaseSentenceDefault(phase, x, y);
  if (!criterion || criterion.kind === 'takeAtMostNoPlea') return text;
  return `${text} Success here means ${criterionPhrase(criterion).replace(/^the strike succeeds \((.*)\)$/, '$1')}.`;
}

function phaseSentenceDefault(
  phase: PhaseResult,
  x: Pick<SweepField, 'phrase' | 'unit'>,
  y: Pick<SweepField, 'phrase' | 'unit'>,
): string {
  const nx = phase.xs.length;
  const ny = phase.ys.length;
  const total = nx * ny;
  let ok = 0;
  let invalid = 0;
  for (const s of phase.success) {
    if (s === 1) ok++;
    else if (s !== 0) invalid++;
  }
  const xName = x.phrase;
  const yName = y.phrase;
  const vx = (v: number) => valueWithUnit(v, x.unit);
  const vy = (v: number) => valueWithUnit(v, y.unit);
  const bad =
    invalid > 0
      ? ` ${fmt(invalid)} of the ${fmt(total)} points are not valid scenarios (hatched).`
      : '';
  let undefinedValues = 0;
  phase.success.forEach((sv, i) => {
    if ((sv === 0 || sv === 1) && Number.isNaN(phase.values[i])) undefinedValues++;
  });
  const undef =
    undefinedValues > 0
      ? ` At ${fmt(undefinedValues)} points the colored outcome has no value (hatched).`
      : '';
  const extra = `${bad}${undef}`;
  if (ok === 0) return `The strike never succeeds on this grid.${extra}`;
  const pct = Math.round((100 * ok) / (total - invalid));
  const head = `The strike succeeds at ${fmt(ok)} of ${fmt(total - invalid)} points (${pct}%).`;
  if (ok === total - invalid) return `The strike succeeds everywhere on this grid.${extra}`;
  // Per row: the least x from which every point to its right succeeds (null: none, or not a suffix).
  const rows: { y: number; from: number | null; suffix: boolean }[] = [];
  for (let iy = 0; iy < ny; iy++) {
    let from: number | null = null;
    let suffix = true;
    let seenOk = false;
    for (let ix = 0; ix < nx; ix++) {
      const s = phase.success[iy * nx + ix];
      if (s === 1) {
        if (!seenOk) from = phase.xs[ix];
        seenOk = true;
      } else if (seenOk && s === 0) suffix = false;
    }
    rows.push({ y: phase.ys[iy], from, suffix });
  }
  const withOk = rows.filter((r) => r.from !== null);
  const first = withOk[0];
  const last = withOk[withOk.length - 1];
  const clean = rows.every((r) => r.suffix);
  // Runs of adjacent rows of y that succeed from the same x on.
  const runs: { from: number; y0: number; y1: number }[] = [];
  let open = false;
  for (const r of rows) {
    const run = runs[runs.length - 1];
    if (r.from === null) open = false;
    else if (open && run.from === r.from) run.y1 = r.y;
    else {
      runs.push({ from: r.from, y0: r.y, y1: r.y });
      open = true;
    }
  }
  const at = (run: { y0: number; y1: number }) =>
    run.y0 === run.y1 ? `at ${yName} ${vy(run.y0)}` : `at ${yName} ${vy(run.y0)} to ${vy(run.y1)}`;
  let where: string;
  if (clean && first.from !== null && last.from !== null) {
    where =
      runs.length === 1
        ? ` It succeeds from ${xName} ${vx(first.from)} on${first === last ? ` (only at ${yName} ${vy(first.y)})` : ''}.`
        : runs.length <= 3
          ? ` It succeeds ${runs.map((run) => `from ${xName} ${vx(run.from)} on ${at(run)}`).join('; ')}.`
          : ` The boundary runs from ${xName} ${vx(first.from)} at ${yName} ${vy(first.y)} to ${xName} ${vx(last.from)} at ${yName} ${vy(last.y)}; the strike succeeds to its right.`;
  } else
    where = ' The region where it succeeds is not a single band along the x axis; see the chart.';
  const noRows = rows.length - withOk.length;
  const none =
    noRows > 0
      ? ` At ${fmt(noRows)} of ${fmt(ny)} values of ${yName} it succeeds nowhere in the range of ${xName}.`
      : '';
  return `${head}${where}${none}${extra}`;
}

/** The axis values of a sweep or phase diagram: the engine's one grid helper. */
export { gridValues };

/** A stable key for a scenario value: two equal scenarios get the same key. */
export function scenarioKey(scenario: unknown): string {
  try {
    // An object's text is kept by the object (a tab opened again, Sweep then Phase: one
    // JSON.stringify of a 10,000-group scenario, not one per mount).
    return (typeof scenario === 'object' && scenario !== null ? jsonText(scenario) : JSON.stringify(scenario)) ?? 'undefined';
  } catch {
    return String(scenario);
  }
}

/** Parse a typed number ("" and junk give null). */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** The charts label `groups[*].x` by the field's title (they know `groups[i].x` and `groups[].x`). */
export function chartField(path: string): string {
  return path.replace('[*]', '[]');
}
