// What every field of the scenario declares beside its zod checks (label, unit, help, slider
// range, source), and the field builders the core schema and the lever units share. The editor,
// the quick levers, the sweep and phase field lists and the published JSON Schema read this
// metadata: it is never copied elsewhere.
import { z } from 'zod';

/** Metadata the editor and the JSON Schema read: never duplicated elsewhere. */
export interface FieldMeta {
  /** Short label shown next to the control. */
  title: string;
  /** One line of help. */
  description: string;
  /** Unit shown after the value ("years", "trial units", "share"). */
  unit?: string;
  /** Editor section. */
  section?: 'Scenario' | 'Defendants' | 'Prosecutor' | 'Levers' | 'Docket';
  /** Suggested slider range when the hard range is huge. */
  sliderMax?: number;
  /**
   * The quick lever's starting top (the slider above the result), when it differs from
   * sliderMax: the quick slider follows the value up from here.
   */
  quickMax?: number;
  step?: number;
  /** Where the idea comes from. */
  citation?: string;
  /**
   * The value an absent optional field means, for fields the validated scenario leaves absent
   * (so a file round-trips unchanged): the editor shows it, the engine applies it.
   */
  implicitDefault?: unknown;
}

export const meta = (m: FieldMeta) => m as unknown as Record<string, unknown>;

export const MAX_TEXT = 200;
export const MAX_YEARS = 1e6;
export const MAX_MONEY = 1e9;

/** A number of years (a sentence, a cost, a penalty): 0..MAX_YEARS. */
export const years = (m: FieldMeta) => z.number().min(0).max(MAX_YEARS).meta(meta(m));
/** A share or a probability: 0..1. */
export const share = (m: FieldMeta) => z.number().min(0).max(1).meta(meta(m));
/** Money the fund holds or pays, in sentence-equivalent years: 0..MAX_MONEY. */
export const money = (m: FieldMeta) => z.number().min(0).max(MAX_MONEY).default(0).meta(meta(m));
