import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pkg from '../../package.json';
import { BAR_GILL_BEN_SHAHAR, CRESPO, allCitations, holdoutCitation, scenarioCitation } from '../../src/cite/citations';
import { scenarioIdentity, canonicalScenarioText } from '../../src/figure/meta';
import { sha256 } from '../../src/figure/sha256';
import { PRESETS } from '../../src/presets';

const root = path.resolve(__dirname, '../..');

describe('citations', () => {
  it('CITATION.cff names the version in package.json and the two works', () => {
    const cff = readFileSync(path.join(root, 'CITATION.cff'), 'utf8');
    expect(cff).toMatch(/^cff-version: 1\.2\.0$/m);
    expect(cff).toContain(`version: "${pkg.version}"`);
    expect(cff).toContain('title: "The Prisoners\' (Plea Bargain) Dilemma"');
    expect(cff).toContain('title: "No Justice, No Pleas: Subverting Mass Incarceration Through Defendant Collective Action"');
  });

  it('Holdout with its version, in BibTeX and plain text', () => {
    const c = holdoutCitation();
    expect(c.bibtex).toContain(`version = {${pkg.version}}`);
    expect(c.bibtex.startsWith('@software{holdout_')).toBe(true);
    expect(c.text).toContain(`Version ${pkg.version}`);
  });

  it('the works the model rests on, as the presets cite them', () => {
    expect(BAR_GILL_BEN_SHAHAR.text).toBe("Oren Bar-Gill & Omri Ben-Shahar, The Prisoners' (Plea Bargain) Dilemma, 1 J. Legal Analysis 737 (2009).");
    expect(CRESPO.bibtex).toContain('volume  = {90}');
    expect(PRESETS[0].source).toContain(BAR_GILL_BEN_SHAHAR.text.slice(0, -1));
  });

  it('the exact scenario by the SHA-256 of its canonical file', () => {
    const p = PRESETS.find((x) => x.id === 'j20')!;
    const id = scenarioIdentity(p.scenario)!;
    expect(id.sha256).toBe(sha256(canonicalScenarioText(p.scenario)!));
    const c = scenarioCitation(id);
    expect(c.text).toContain(id.sha256);
    expect(c.bibtex).toContain(`@misc{holdout_scenario_${id.sha256.slice(0, 12)},`);
    expect(allCitations(id).map((x) => x.id)).toEqual(['holdout', 'bargill2009', 'crespo2022', `scenario-${id.sha256.slice(0, 12)}`]);
    // Balanced braces: BibTeX parsers choke otherwise (a title may hold any character).
    const odd = scenarioCitation({ ...id, title: 'A {weird} title & 50% \\ more_' });
    const depth = [...odd.bibtex].reduce((d, ch) => d + (ch === '{' ? 1 : ch === '}' ? -1 : 0), 0);
    expect(depth).toBe(0);
  });
});
