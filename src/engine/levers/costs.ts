// The defendant's own costs that act like levers (MODEL.md §2): the collateral cost K of any
// conviction, and the cost d of refusing (pretrial detention), which buys "time-served" pleas.
import { years } from '../scenario/fieldMeta';
import { defineLever } from './meta';

export const collateralLever = defineLever({
  id: 'collateral',
  label: 'Collateral cost of conviction (K)',
  help: 'Paid on any conviction, plea or trial: it makes a plea worth less to the defendant.',
  parameters: ['groups[].collateralCost'],
  citation: 'Crespo, Part I: deportation, lost housing or licence follow any conviction',
  group: {
    collateralCost: {
      after: 'trialSentence',
      schema: years({
        title: 'Collateral cost (K)',
        description:
          'Cost of any conviction, by plea or at trial: deportation, lost housing or licence.',
        unit: 'years',
        section: 'Levers',
        sliderMax: 20,
        step: 0.1,
      }).default(0),
    },
  },
});

export const refusalCostLever = defineLever({
  id: 'refusalCost',
  label: 'Cost of refusing (d)',
  help: 'Paid by every refuser, tried or not: pretrial detention makes time-served pleas.',
  parameters: ['groups[].refusalCost'],
  citation: 'Crespo, Part I: pretrial detention coerces pleas in misdemeanor courts',
  group: {
    refusalCost: {
      after: 'collateralCost',
      schema: years({
        title: 'Cost of refusing (d)',
        description:
          'Paid by every defendant who refuses, tried or not: pretrial detention, lost work.',
        unit: 'years',
        section: 'Levers',
        sliderMax: 5,
        step: 0.05,
      }).default(0),
    },
  },
});

/** e = p·(S + K): what a certain trial costs the defendant beyond d. */
export function trialCost(p: number, S: number, K: number): number {
  return p * (S + K);
}

/** w = p·S: the prosecutor's expected gain from trying him. */
export function trialValue(p: number, S: number): number {
  return p * S;
}
