// The key levers as sliders above the result, for the classroom: drag and watch the ladder's
// stop line. They edit the same draft as the editor (one source of truth).
import { useId, useRef } from 'react';
import type { ScenarioInput } from '../../engine';
import { allGroupsPledgeShare, getPath, pledgeAllGroups, setPath } from '../../engine';
import { formatNumber } from '../../app/format';

interface Lever {
  path: string;
  label: string;
  unit: string;
  min: number;
  max: (draft: ScenarioInput) => number;
  step: number;
  bench?: string;
  /** Why moving this lever can change nothing in this scenario (null when it can). */
  idle?: (draft: ScenarioInput) => string | null;
}

const anyPledged = (d: ScenarioInput) =>
  (((d as { groups?: Group[] }).groups ?? []) as Group[]).some((g) => num(g.pledgedShare) > 0);

type Group = { pledgedShare?: number; neverPleadsShare?: number };

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

const LEVERS: Lever[] = [
  {
    path: 'groups[*].pledgedShare',
    label: 'Pledged share (all groups)',
    unit: 'share',
    min: 0,
    max: () => 1,
    step: 0.01,
    bench: 'lever-slider',
  },
  {
    path: 'levers.pledge.penalty',
    label: 'Pledge penalty (F)',
    idle: (d) =>
      !anyPledged(d)
        ? 'The pledge penalty falls only on pledged defendants, and no one has pledged: raise the pledged share first.'
        : num(getPath(d, 'levers.visibility.observed'), 1) === 0
          ? 'No plea is ever seen (court watching q = 0), so a broken pledge costs nothing.'
          : null,
    unit: 'years',
    min: 0,
    max: top('levers.pledge.penalty', 20),
    step: 0.1,
  },
  {
    path: 'levers.strikeFund.fund',
    label: 'Strike fund (Φ)',
    idle: (d) =>
      num(getPath(d, 'levers.strikeFund.stipend')) + num(getPath(d, 'levers.strikeFund.insurance')) === 0
        ? 'A strike fund with no stipend and no insurance pays nothing, so this slider changes nothing: set a stipend or insurance under Levers in the editor.'
        : !anyPledged(d)
          ? 'The fund covers only pledged defendants, and no one has pledged: raise the pledged share first.'
          : null,
    unit: 'years',
    min: 0,
    max: top('levers.strikeFund.fund', 1000),
    step: 1,
  },
  {
    path: 'prosecutor.budget',
    label: 'Trial budget (B)',
    unit: 'trial units',
    min: 0,
    max: top('prosecutor.budget', 100),
    step: 1,
  },
];

/** Under the docket the budget is unused: the weekly capacity and the deadline take its place. */
const DOCKET_LEVERS: Lever[] = [
  ...LEVERS.filter((l) => l.path !== 'prosecutor.budget'),
  {
    path: 'docket.capacity',
    label: 'Weekly capacity κ',
    unit: 'trial units per week',
    min: 0,
    max: top('docket.capacity', 20),
    step: 1,
    bench: 'capacity-slider',
  },
  {
    path: 'docket.deadline',
    label: 'Deadline D',
    unit: 'weeks',
    min: 0,
    max: top('docket.deadline', 26),
    step: 1,
  },
];

function isDocket(draft: ScenarioInput): boolean {
  return (draft as { prosecutor?: { regime?: unknown } }).prosecutor?.regime === 'docket';
}

export interface QuickLeversProps {
  draft: ScenarioInput;
  setDraft: (f: (prev: ScenarioInput) => ScenarioInput) => void;
}

export function QuickLevers({ draft, setDraft }: QuickLeversProps) {
  const uid = useId();
  // A slider's top follows the value up (twice it, rounded) but never shrinks under the thumb.
  const tops = useRef(new Map<string, number>());
  return (
    <section className="quick-levers" aria-labelledby={`${uid}-h`}>
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
          const idle = l.idle?.(draft) ?? null;
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
                onChange={(e) => set(Number(e.currentTarget.value))}
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
