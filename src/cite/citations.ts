// How to cite Holdout, the works its model rests on, and an exact scenario (by its content
// hash), as BibTeX and as plain text. Pure; the version comes from package.json.
import { HOLDOUT_VERSION } from '../figure/version';
import { shortHash, type ScenarioIdentity } from '../figure/meta';

export interface Citation {
  id: string;
  label: string;
  text: string;
  bibtex: string;
}

const YEAR = 2026;

export function holdoutCitation(version: string = HOLDOUT_VERSION): Citation {
  return {
    id: 'holdout',
    label: `Holdout ${version} (this software)`,
    text: `Holdout contributors. Holdout: a workbench for the game theory of plea-bargaining strikes. Version ${version}, ${YEAR}. Software.`,
    bibtex: [
      `@software{holdout_${version.replace(/[^0-9A-Za-z]/g, '_')},`,
      '  author  = {{Holdout contributors}},',
      '  title   = {Holdout: a workbench for the game theory of plea-bargaining strikes},',
      `  version = {${version}},`,
      `  year    = {${YEAR}},`,
      '  note    = {Browser-only; every result is computed on the user\'s machine}',
      '}',
    ].join('\n'),
  };
}

export const BAR_GILL_BEN_SHAHAR: Citation = {
  id: 'bargill2009',
  label: 'Bar-Gill & Ben-Shahar 2009',
  text: "Oren Bar-Gill & Omri Ben-Shahar, The Prisoners' (Plea Bargain) Dilemma, 1 J. Legal Analysis 737 (2009).",
  bibtex: [
    '@article{bargill2009prisoners,',
    '  author  = {Bar-Gill, Oren and Ben-Shahar, Omri},',
    "  title   = {The Prisoners' (Plea Bargain) Dilemma},",
    '  journal = {Journal of Legal Analysis},',
    '  volume  = {1},',
    '  pages   = {737},',
    '  year    = {2009}',
    '}',
  ].join('\n'),
};

export const CRESPO: Citation = {
  id: 'crespo2022',
  label: 'Crespo 2022',
  text: 'Andrew Manuel Crespo, No Justice, No Pleas: Subverting Mass Incarceration Through Defendant Collective Action, 90 Fordham L. Rev. 1999 (2022).',
  bibtex: [
    '@article{crespo2022nojustice,',
    '  author  = {Crespo, Andrew Manuel},',
    '  title   = {No Justice, No Pleas: Subverting Mass Incarceration Through Defendant Collective Action},',
    '  journal = {Fordham Law Review},',
    '  volume  = {90},',
    '  pages   = {1999},',
    '  year    = {2022}',
    '}',
  ].join('\n'),
};

const bibEscape = (s: string) => s.replace(/[{}\\]/g, '').replace(/([&%$#_])/g, '\\$1');

/** The exact scenario: its title, seed, runs and the SHA-256 of its canonical file. */
export function scenarioCitation(id: ScenarioIdentity, version: string = HOLDOUT_VERSION): Citation {
  const short = shortHash(id.sha256);
  return {
    id: `scenario-${short}`,
    label: `This scenario (sha256 ${short})`,
    text: `“${id.title}”, Holdout scenario (schema version ${id.schemaVersion}, seed ${id.seed}, ${id.runs} run${id.runs === 1 ? '' : 's'}), SHA-256 ${id.sha256}. Computed with Holdout ${version}.`,
    bibtex: [
      `@misc{holdout_scenario_${short},`,
      `  title        = {${bibEscape(id.title)}},`,
      `  howpublished = {Holdout scenario file, schema version ${id.schemaVersion}, seed ${id.seed}, ${id.runs} run${id.runs === 1 ? '' : 's'}},`,
      `  note         = {SHA-256 ${id.sha256}; computed with Holdout ${version}},`,
      `  year         = {${YEAR}}`,
      '}',
    ].join('\n'),
  };
}

export function allCitations(scenario: ScenarioIdentity | null): Citation[] {
  return [holdoutCitation(), BAR_GILL_BEN_SHAHAR, CRESPO, ...(scenario ? [scenarioCitation(scenario)] : [])];
}
