// What every exported figure and data file says about where it came from: the chart, the
// scenario's title and content hash (SHA-256 of its canonical file text), and Holdout's version.
import { parseScenario } from '../engine';
import { canonicalScenario, jsonText } from '../components/export/exportData';
import { sha256 } from './sha256';
import { HOLDOUT_VERSION } from './version';

export interface ScenarioIdentity {
  title: string;
  /** SHA-256 of the canonical scenario file (defaults applied, keys in §6 order), hex. */
  sha256: string;
  seed: number;
  runs: number;
  schemaVersion: number;
}

/** The canonical file text of a valid scenario (as "Scenario file (.json)" saves it), or null. */
export function canonicalScenarioText(scenario: unknown): string | null {
  const r = parseScenario(scenario);
  return r.ok ? jsonText(canonicalScenario(r.scenario)) : null;
}

/** The scenario's name and content hash, or null when it is not a valid scenario. */
export function scenarioIdentity(scenario: unknown): ScenarioIdentity | null {
  const r = parseScenario(scenario);
  if (!r.ok) return null;
  const text = jsonText(canonicalScenario(r.scenario));
  return {
    title: r.scenario.title ?? 'Untitled scenario',
    sha256: sha256(text),
    seed: r.scenario.seed,
    runs: r.scenario.runs,
    schemaVersion: r.scenario.schemaVersion,
  };
}

/** The short form of a content hash shown to people (12 hex digits, as git shows commits). */
export const shortHash = (hex: string): string => hex.slice(0, 12);

export interface FigureMeta {
  chart: string;
  /** The chart's own title (what it shows). */
  title: string;
  scenario: ScenarioIdentity | null;
  version: string;
  /** Settings that shaped the figure (sweep field and range, phase axes, outcome…). */
  settings?: Record<string, string | number | boolean>;
}

export function figureMeta(chart: string, title: string, scenario: unknown, settings?: FigureMeta['settings']): FigureMeta {
  return { chart, title, scenario: scenarioIdentity(scenario), version: HOLDOUT_VERSION, ...(settings ? { settings } : {}) };
}

/** One line naming the figure's source, for titles and captions. */
export function provenanceLine(m: FigureMeta): string {
  const s = m.scenario;
  return s
    ? `Scenario “${s.title}” (sha256 ${shortHash(s.sha256)}, seed ${s.seed}, runs ${s.runs}); Holdout ${m.version}`
    : `Holdout ${m.version}`;
}
