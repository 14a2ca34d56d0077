import { describe, expect, it } from 'vitest';
import {
  fieldByPath,
  fieldPath,
  getAt,
  groupFields,
  scenarioFields,
  sectionFields,
  setAt,
} from '../../src/components/editor/fields';
import { MAX_BUDGET, MAX_YEARS } from '../../src/engine/scenario/schema';

describe('fields.ts walks the scenario schema', () => {
  const fields = scenarioFields();

  it('every leaf field has a title and a description', () => {
    expect(fields.length).toBeGreaterThan(20);
    for (const f of fields) {
      expect(f.title, f.path).not.toBe('');
      expect(f.title, f.path).not.toBe(f.key);
      expect(f.description.length, f.path).toBeGreaterThan(10);
    }
  });

  it('lists exactly the editable leaves, in schema order', () => {
    expect(fields.map((f) => f.path)).toEqual([
      'title',
      'seed',
      'runs',
      'groups[].label',
      'groups[].count',
      'groups[].convictionProbability',
      'groups[].trialSentence',
      'groups[].collateralCost',
      'groups[].refusalCost',
      'groups[].trialCost',
      'groups[].pledgedShare',
      'groups[].neverPleadsShare',
      'groups[].pledgePenalty',
      'groups[].offer',
      'groups[].firstWeek',
      'groups[].lastWeek',
      'groups[].detentionPerWeek',
      'prosecutor.budget',
      'prosecutor.regime',
      'prosecutor.ranking',
      'prosecutor.offers',
      'prosecutor.uniformOffer',
      'prosecutor.equilibrium',
      'levers.pledge.penalty',
      'levers.pledge.secret',
      'levers.visibility.observed',
      'levers.visibility.sanction',
      'levers.strikeFund.fund',
      'levers.strikeFund.stipend',
      'levers.strikeFund.insurance',
      'docket.weeks',
      'docket.capacity',
      'docket.deadline',
    ]);
  });

  it('reads kinds, ranges, units and steps from the zod checks and metadata', () => {
    const p = fieldByPath('groups[].convictionProbability')!;
    expect(p).toMatchObject({
      kind: 'number',
      min: 0,
      max: 1,
      unit: 'probability',
      step: 0.01,
      scope: 'group',
    });
    expect(fieldByPath('groups[].trialSentence')).toMatchObject({
      min: 0,
      max: MAX_YEARS,
      sliderMax: 50,
      unit: 'years',
    });
    expect(fieldByPath('groups[].trialCost')).toMatchObject({
      kind: 'integer',
      min: 1,
      defaultValue: 1,
      required: false,
    });
    expect(fieldByPath('groups[].count')).toMatchObject({
      kind: 'integer',
      min: 0,
      required: true,
    });
    expect(fieldByPath('groups[].pledgePenalty')).toMatchObject({
      kind: 'nullableNumber',
      defaultValue: null,
      integer: false,
    });
    expect(fieldByPath('prosecutor.budget')).toMatchObject({
      kind: 'integer',
      max: MAX_BUDGET,
      section: 'Prosecutor',
    });
    expect(fieldByPath('prosecutor.regime')).toMatchObject({
      kind: 'enum',
      options: ['noPlea', 'lottery', 'priority', 'forcedSpend', 'docket'],
      required: true,
    });
    expect(fieldByPath('prosecutor.ranking')).toMatchObject({
      kind: 'ranking',
      options: ['optimal', 'arrival', 'byValue', 'random'],
      required: false,
    });
    expect(fieldByPath('levers.pledge.secret')).toMatchObject({
      kind: 'boolean',
      defaultValue: false,
    });
    expect(fieldByPath('title')).toMatchObject({
      kind: 'text',
      section: 'Scenario',
      defaultValue: '',
    });
    expect(fieldByPath('levers.pledge.penalty')?.citation).toMatch(/Crespo/);
  });

  it('sorts scenario-level fields into the four sections', () => {
    expect(sectionFields('Scenario').map((f) => f.key)).toEqual(['title', 'seed', 'runs']);
    expect(sectionFields('Prosecutor').map((f) => f.key)).toEqual([
      'budget',
      'regime',
      'ranking',
      'offers',
      'uniformOffer',
      'equilibrium',
    ]);
    expect(sectionFields('Levers').map((f) => f.key)).toEqual([
      'penalty',
      'secret',
      'observed',
      'sanction',
      'fund',
      'stipend',
      'insurance',
    ]);
    expect(sectionFields('Defendants')).toEqual([]);
    expect(sectionFields('Docket').map((f) => f.key)).toEqual(['weeks', 'capacity', 'deadline']);
    expect(groupFields()).toHaveLength(14);
    // Docket group fields the validated scenario leaves absent show their MODEL.md defaults.
    expect(fieldByPath('groups[].firstWeek')).toMatchObject({ section: 'Docket', kind: 'integer', defaultValue: 0, required: false });
    expect(fieldByPath('groups[].lastWeek')).toMatchObject({ kind: 'nullableNumber', defaultValue: null });
    expect(fieldByPath('groups[].detentionPerWeek')).toMatchObject({ defaultValue: 0, unit: 'years per week' });
    expect(fieldByPath('docket.capacity')).toMatchObject({ kind: 'integer', min: 0, max: 1e9, required: true });
  });

  it('builds concrete paths the way validation messages name them', () => {
    expect(fieldPath(fieldByPath('groups[].convictionProbability')!, 2)).toBe(
      'groups[2].convictionProbability',
    );
    expect(fieldPath(fieldByPath('levers.visibility.observed')!)).toBe(
      'levers.visibility.observed',
    );
  });

  it('sets values immutably, creating missing objects', () => {
    const a = { groups: [{ count: 1 }, { count: 2 }], prosecutor: { budget: 1 } };
    const b = setAt(a, ['groups', 1, 'count'], 5);
    expect(b.groups[1].count).toBe(5);
    expect(a.groups[1].count).toBe(2);
    expect(b.groups[0]).toBe(a.groups[0]);
    const c = setAt(a, ['levers', 'pledge', 'penalty'], 3);
    expect(getAt(c, ['levers', 'pledge', 'penalty'])).toBe(3);
  });
});
