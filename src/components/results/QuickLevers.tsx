// The key levers as sliders above the result, for the classroom: drag and watch the ladder's
// stop line. They edit the same draft as the editor (one source of truth).
import { useId, useRef, useSyncExternalStore } from 'react';
import type { ScenarioInput } from '../../engine';
import { allGroupsPledgeShare, getPath, pledgeAllGroups, setPath } from '../../engine';
import { formatNumber } from '../../app/format';
import { fieldByPath } from '../editor/fields';
import { idleReason } from '../../engine';
import { prepareInline } from '../../client';

/**
 * Whether a quick lever is moving: from a step until SETTLE_MS after the last one (a drag, or an
 * arrow key held down). A small external store, so that what need not follow every step (the
 * scenario editor: its fields, its group cards) can subscribe to the motion, hold what it shows
 * while the lever moves, and catch up once when it rests (issue 12, slider to chart).
 */
export const SETTLE_MS = 250;
let moving = false;
let settleTimer: ReturnType<typeof setTimeout> | undefined;
const motionListeners = new Set<() => void>();
const emitMotion = () => {
  for (const l of [...motionListeners]) l();
};
export const leverMotion = {
  subscribe(listener: () => void): () => void {
    motionListeners.add(listener);
    return () => motionListeners.delete(listener);
  },
  isMoving: (): boolean => moving,
  /** A lever moved: moving until SETTLE_MS pass without another step. */
  step(): void {
    if (settleTimer !== undefined) clearTimeout(settleTimer);
    settleTimer = setTimeout(leverMotion.settle, SETTLE_MS);
    if (!moving) {
      moving = true;
      emitMotion();
    }
  },
  /** The lever rests, now (the editor takes the focus or the pointer). */
  settle(): void {
    if (settleTimer !== undefined) clearTimeout(settleTimer);
    settleTimer = undefined;
    if (moving) {
      moving = false;
      emitMotion();
    }
  },
};

/** Whether a quick lever is moving (see leverMotion). */
export function useLeverMoving(): boolean {
  return useSyncExternalStore(leverMotion.subscribe, leverMotion.isMoving, () => false);
}

/** A quick lever: which field it moves; its label, unit, range and step come from the schema. */
interface QuickLever {
  /** The path it writes (`groups[*].pledgedShare` moves every group). */
  path: string;
  bench?: string;
}

interface Lever extends QuickLever {
  label: string;
  unit: string;
  min: number;
  max: (draft: ScenarioInput) => number;
  step: number;
}

/** The pledged share shown: the engine's "every group pledges x" rule, read back. */
const sharedPledge = (draft: ScenarioInput): number => allGroupsPledgeShare(draft);

/** Every group pledges `v` of its members who are not never-pleaders (the sweep's rule too). */
export const setAllPledged = (draft: ScenarioInput, v: number): ScenarioInput =>
  pledgeAllGroups(draft, v);

const num = (v: unknown, fallback = 0) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;
const top = (path: string, base: number) => (d: ScenarioInput) => {
  const v = num(getPath(d, path));
  return Math.max(base, Math.ceil((v * 2) / base) * base || base);
};

const QUICK: QuickLever[] = [
  { path: 'groups[*].pledgedShare', bench: 'lever-slider' },
  { path: 'levers.pledge.penalty' },
  { path: 'levers.strikeFund.fund' },
  { path: 'prosecutor.budget' },
];

/** Under the docket the budget is unused: the weekly capacity and the deadline take its place. */
const DOCKET_QUICK: QuickLever[] = [
  ...QUICK.filter((l) => l.path !== 'prosecutor.budget'),
  { path: 'docket.capacity', bench: 'capacity-slider' },
  { path: 'docket.deadline' },
];

/**
 * A quick lever as the schema describes its field: the label (with "(all groups)" for a group
 * field moved in every group), the unit, the hard minimum, the step, and the slider's top — the
 * hard maximum for a share or probability, else the field's quick top (quickMax, else sliderMax),
 * followed up by the value.
 */
function fromSchema(q: QuickLever): Lever {
  const template = q.path.replace('[*]', '[]');
  const f = fieldByPath(template);
  if (!f) throw new Error(`quick lever ${q.path}: no such field in the scenario schema`);
  const all = q.path.includes('[*]');
  const bounded = f.unit === 'share' || f.unit === 'probability';
  const base = f.quickMax ?? f.sliderMax ?? f.max ?? 1;
  return {
    ...q,
    label: all ? `${f.title} (all groups)` : f.title,
    unit: f.unit ?? '',
    min: f.min ?? 0,
    max: bounded ? () => f.max ?? 1 : top(q.path, base),
    step: f.step ?? 1,
  };
}

const LEVERS = QUICK.map(fromSchema);
const DOCKET_LEVERS = DOCKET_QUICK.map(fromSchema);

function isDocket(draft: ScenarioInput): boolean {
  return (draft as { prosecutor?: { regime?: unknown } }).prosecutor?.regime === 'docket';
}

export interface QuickLeversProps {
  draft: ScenarioInput;
  setDraft: (f: (prev: ScenarioInput) => ScenarioInput) => void;
  /** The pointer or the focus came to the levers: a move may follow (the charts warm up). */
  onPrime?: () => void;
}

export function QuickLevers({ draft, setDraft, onPrime }: QuickLeversProps) {
  const uid = useId();
  // A slider's top follows the value up (twice it, rounded) but never shrinks under the thumb.
  const tops = useRef(new Map<string, number>());
  return (
    <section
      className="quick-levers"
      aria-labelledby={`${uid}-h`}
      // The hand or the focus comes to a lever: the page loads (and warms up) the engine that
      // answers its moves in their frame (src/client/inline.ts), before the first move.
      onPointerEnter={() => {
        void prepareInline(draft);
        onPrime?.();
      }}
      onFocus={() => {
        void prepareInline(draft);
        onPrime?.();
      }}
    >
      <h2 id={`${uid}-h`} className="section-title">
        Quick levers
      </h2>
      <div className="quick-levers-grid">
        {(isDocket(draft) ? DOCKET_LEVERS : LEVERS).map((l, i) => {
          const value =
            l.path === 'groups[*].pledgedShare' ? sharedPledge(draft) : num(getPath(draft, l.path));
          const max = Math.max(l.max(draft), tops.current.get(l.path) ?? 0);
          tops.current.set(l.path, max);
          const set = (v: number) =>
            setDraft((prev) =>
              l.path === 'groups[*].pledgedShare'
                ? setAllPledged(prev, v)
                : setPath(prev, l.path, v),
            );
          const shown =
            l.unit === 'share'
              ? `${formatNumber(Math.round(value * 1000) / 10)}%`
              : `${formatNumber(value)} ${l.unit}`;
          // Why moving it can change nothing here: the lever that owns the field says so.
          const idle = idleReason(l.path, draft);
          return (
            <div className="quick-lever" key={l.path}>
              <label htmlFor={`${uid}-${i}`}>
                <span>{l.label}</span>
                <output htmlFor={`${uid}-${i}`} className="quick-lever-value">
                  {shown}
                </output>
              </label>
              <input
                id={`${uid}-${i}`}
                type="range"
                min={l.min}
                max={max}
                step={l.step}
                value={Math.min(max, Math.max(l.min, value))}
                aria-valuetext={shown}
                data-bench={l.bench}
                data-path={l.path}
                aria-describedby={idle ? `${uid}-${i}-idle` : undefined}
                onChange={(e) => {
                  leverMotion.step();
                  set(Number(e.currentTarget.value));
                }}
              />
              {idle ? (
                <p id={`${uid}-${i}-idle`} className="quick-lever-idle" data-idle={l.path}>
                  {idle}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
