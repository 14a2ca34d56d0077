// The settings of a sweep or a phase diagram in the command line's words
// (`FIELD=FROM:TO:STEPS`, `x=FIELD:FROM:TO,y=FIELD:FROM:TO,res=N`): parsed for `npm run figure`,
// written into a figure's metadata by the app and the CLI alike, and kept in links.
export interface SweepSpecText {
  field: string;
  from: number;
  to: number;
  steps: number;
}
export interface AxisSpecText {
  field: string;
  from: number;
  to: number;
}
export interface PhaseSpecText {
  x: AxisSpecText;
  y: AxisSpecText;
  res: number;
}

const num = (s: string): number | null => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : null);

export function parseSweepSpec(text: string): SweepSpecText | string {
  const eq = text.lastIndexOf('=');
  if (eq <= 0) return `--sweep: expected FIELD=FROM:TO:STEPS, got “${text}”`;
  const parts = text.slice(eq + 1).split(':');
  const [from, to, steps] = parts.map(num);
  if (parts.length !== 3 || from === null || to === null || steps === null) return `--sweep: expected FIELD=FROM:TO:STEPS with three numbers, got “${text}”`;
  if (!Number.isInteger(steps) || steps < 1 || steps > 500) return `--sweep: STEPS must be a whole number from 1 to 500, got ${steps}`;
  return { field: text.slice(0, eq), from, to, steps };
}

function parseAxis(text: string, name: string): AxisSpecText | string {
  const parts = text.split(':');
  if (parts.length < 3) return `--phase: ${name} must be FIELD:FROM:TO, got “${text}”`;
  const to = num(parts.pop()!);
  const from = num(parts.pop()!);
  if (from === null || to === null) return `--phase: ${name} must be FIELD:FROM:TO with two numbers, got “${text}”`;
  return { field: parts.join(':'), from, to };
}

export const PHASE_RESOLUTIONS = [16, 32, 64];

export function parsePhaseSpec(text: string): PhaseSpecText | string {
  let x: AxisSpecText | null = null;
  let y: AxisSpecText | null = null;
  let res = 32;
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1);
    if (eq <= 0) return `--phase: expected x=FIELD:FROM:TO,y=FIELD:FROM:TO[,res=N], got “${part}”`;
    if (key === 'x' || key === 'y') {
      const a = parseAxis(value, key);
      if (typeof a === 'string') return a;
      if (key === 'x') x = a;
      else y = a;
    } else if (key === 'res') {
      const n = num(value);
      if (n === null || !PHASE_RESOLUTIONS.includes(n)) return `--phase: res must be one of ${PHASE_RESOLUTIONS.join(', ')}, got “${value}”`;
      res = n;
    } else return `--phase: unknown part “${key}” (x, y and res)`;
  }
  if (!x || !y) return '--phase: needs both x=FIELD:FROM:TO and y=FIELD:FROM:TO';
  if (x.field === y.field) return '--phase: x and y must be two different fields';
  return { x, y, res };
}

export const sweepSpecText = (s: SweepSpecText): string => `${s.field}=${s.from}:${s.to}:${s.steps}`;
export const phaseSpecText = (p: PhaseSpecText): string =>
  `x=${p.x.field}:${p.x.from}:${p.x.to},y=${p.y.field}:${p.y.from}:${p.y.to},res=${p.res}`;

/** A sweep's settings; with `pinnedSha256` when the pinned scenario A is drawn beside B. */
export function sweepSettings(s: SweepSpecText, outcome: string, pinnedSha256?: string): Record<string, string> {
  return { sweep: sweepSpecText(s), outcome, ...(pinnedSha256 !== undefined ? { pinned: pinnedSha256 } : {}) };
}
export function phaseSettings(p: PhaseSpecText, outcome: string): Record<string, string> {
  return { phase: phaseSpecText(p), outcome };
}

/** Compare A/B: the pinned scenario A, by its content hash. */
export function compareSettings(pinnedSha256: string): Record<string, string> {
  return { pinned: pinnedSha256 };
}
