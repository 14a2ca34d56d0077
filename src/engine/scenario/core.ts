// The scenario's fields that belong to no lever (MODEL.md §6): the scenario's title, seed and
// runs, each group's defendants and trial cost, the prosecutor, the docket. The levers add their
// own fields (src/engine/levers/*.ts), and scenario/compose.ts puts the two together in the
// file's key order.
import { z } from 'zod';
import { meta, share, years, MAX_TEXT, type FieldMeta } from './fieldMeta';

export { MAX_TEXT, MAX_YEARS, MAX_MONEY } from './fieldMeta';
export const MAX_TRIAL_COST = 1e9;
export const MAX_BUDGET = 1e9;
export const MAX_GROUPS = 10_000;
export const MAX_RUNS = 10_000;
export const MAX_WEEKS = 520;
export const MAX_DEADLINE = 520;
export const MAX_CAPACITY = 1e9;

/** A lone surrogate (half a UTF-16 pair): text that is not valid Unicode (MODEL.md §6). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The code-point position (0-based) of the first lone surrogate, or −1. */
export function loneSurrogateAt(s: string): number {
  const m = LONE_SURROGATE.exec(s);
  return m ? [...s.slice(0, m.index)].length : -1;
}

const text = (m: FieldMeta) =>
  z
    .string()
    .refine((s) => loneSurrogateAt(s) < 0, {
      message: 'must be valid Unicode text: it holds a lone surrogate (half of a UTF-16 pair)',
      abort: true,
    })
    .refine((s) => [...s].length <= MAX_TEXT, {
      message: `must be at most ${MAX_TEXT} characters`,
    })
    .default('')
    .meta(meta(m));

export const RankingName = z.enum(['optimal', 'arrival', 'byValue', 'random']);
export const Regime = z.enum(['noPlea', 'lottery', 'priority', 'forcedSpend', 'docket']);
export const Offers = z.enum(['tailored', 'uniform']);
export const Equilibrium = z.enum(['erosion', 'cascade']);

/** The group fields that belong to no lever (the levers add theirs: levers/*.ts). */
export const CORE_GROUP = {
  label: text({ title: 'Label', description: 'A name for this group of alike defendants.' }),
  count: z
    .number()
    .int()
    .min(0)
    .meta(
      meta({
        title: 'Defendants',
        description: 'How many defendants are in this group.',
        unit: 'people',
        section: 'Defendants',
        sliderMax: 10_000,
        step: 1,
      }),
    ),
  convictionProbability: share({
    title: 'Conviction probability (p)',
    description: 'Probability of conviction at trial.',
    unit: 'probability',
    section: 'Defendants',
    step: 0.01,
  }),
  trialSentence: years({
    title: 'Trial sentence (S)',
    description: 'Sentence if convicted at trial.',
    unit: 'years',
    section: 'Defendants',
    sliderMax: 50,
    step: 0.1,
  }),
  trialCost: z
    .number()
    .int()
    .min(1)
    .max(MAX_TRIAL_COST)
    .default(1)
    .meta(
      meta({
        title: 'Trial cost (c)',
        description: "The prosecutor's cost of trying one of these defendants.",
        unit: 'trial units',
        section: 'Prosecutor',
        sliderMax: 20,
        step: 1,
      }),
    ),
  offer: years({
    title: 'Fixed offer (s)',
    description: "A fixed plea offer for this group; empty uses the prosecutor's offers setting.",
    unit: 'years',
    section: 'Prosecutor',
    sliderMax: 20,
    step: 0.1,
  })
    .nullable()
    .default(null),
  firstWeek: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta(
      meta({
        title: 'First arrival week (f)',
        description:
          'Docket: the week the first member of this group arrives (0 = the first week).',
        unit: 'week',
        section: 'Docket',
        sliderMax: 51,
        step: 1,
        implicitDefault: 0,
      }),
    ),
  lastWeek: z
    .number()
    .int()
    .min(0)
    .nullable()
    .optional()
    .meta(
      meta({
        title: 'Last arrival week (l)',
        description:
          'Docket: the week the last member arrives; empty means the docket’s last week (W − 1). Members are spread evenly over f..l.',
        unit: 'week',
        section: 'Docket',
        sliderMax: 51,
        step: 1,
        implicitDefault: null,
      }),
    ),
  detentionPerWeek: years({
    title: 'Detention per week (δ)',
    description:
      'Docket: what a week of waiting for trial in detention costs a defendant who refuses.',
    unit: 'years per week',
    section: 'Docket',
    sliderMax: 0.5,
    step: 0.01,
    citation: 'Crespo, Part I: pretrial detention coerces pleas',
    implicitDefault: 0,
  }).optional(),
};

export const DocketSchema = z
  .strictObject({
    weeks: z
      .number()
      .int()
      .min(1)
      .max(MAX_WEEKS)
      .default(52)
      .meta(
        meta({
          title: 'Weeks (W)',
          description:
            'Cases arrive in weeks 0..W − 1; the calendar runs D weeks more to finish them.',
          unit: 'weeks',
          section: 'Docket',
          sliderMax: 104,
          step: 1,
        }),
      ),
    capacity: z
      .number()
      .int()
      .min(0)
      .max(MAX_CAPACITY)
      .meta(
        meta({
          title: 'Weekly capacity (κ)',
          description: 'Trial units the court can use each week; units unused in a week are lost.',
          unit: 'trial units per week',
          section: 'Docket',
          sliderMax: 50,
          quickMax: 20,
          step: 1,
          citation: 'Crespo, Part II: courts already run at full trial capacity',
        }),
      ),
    deadline: z
      .number()
      .int()
      .min(0)
      .max(MAX_DEADLINE)
      .default(8)
      .meta(
        meta({
          title: 'Speedy-trial deadline (D)',
          description:
            'A case arriving in week α must be tried in weeks α..α + D or it is dismissed.',
          unit: 'weeks',
          section: 'Docket',
          sliderMax: 26,
          step: 1,
        }),
      ),
  })
  .meta(
    meta({
      title: 'Docket',
      description:
        'The weekly docket (regime docket): weeks of arrivals, a trial capacity per week and the speedy-trial deadline.',
      section: 'Docket',
    }),
  );

export const RankingSchema = z.union([RankingName, z.array(z.number().int())]).meta(
  meta({
    title: 'Ranking',
    description:
      'Order in which she targets defendants: optimal (hers), arrival, byValue, random, or an explicit list of 1..N.',
    section: 'Prosecutor',
  }),
);

const ProsecutorObject = z.strictObject({
  budget: z
    .number()
    .int()
    .min(0)
    .max(MAX_BUDGET)
    .meta(
      meta({
        title: 'Trial budget (B)',
        description:
          'Trial units she can spend: the capacity of the court for trials (not used by the docket, whose capacity is weekly).',
        unit: 'trial units',
        section: 'Prosecutor',
        sliderMax: 1000,
        quickMax: 100,
        step: 1,
      }),
    )
    .optional(),
  regime: Regime.meta(
    meta({
      title: 'Regime',
      description:
        'How she selects whom to try: noPlea (baseline), lottery, priority (divide and conquer), forcedSpend (speedy-trial clock), docket (weekly capacity and deadline).',
      section: 'Prosecutor',
    }),
  ),
  ranking: RankingSchema.optional(),
  offers: Offers.default('tailored').meta(
    meta({
      title: 'Offers',
      description: 'Tailored (each the most he would accept) or one uniform offer for all.',
      section: 'Prosecutor',
    }),
  ),
  uniformOffer: years({
    title: 'Uniform offer (s)',
    description: 'The one offer made to all, with uniform offers.',
    unit: 'years',
    section: 'Prosecutor',
    sliderMax: 20,
    step: 0.1,
  })
    .nullable()
    .default(null),
  equilibrium: Equilibrium.default('erosion').meta(
    meta({
      title: 'Equilibrium',
      description:
        'Which lottery equilibrium the totals describe: erosion (a strike that starts with everyone) or cascade (from the hard core up).',
      section: 'Prosecutor',
    }),
  ),
});

/** B is required except under the docket (validated if given, not used there). */
export const ProsecutorSchema = ProsecutorObject.superRefine((p, ctx) => {
  if (p.budget === undefined && p.regime !== 'docket') {
    ctx.addIssue({ code: 'custom', path: ['budget'], message: 'is required', input: undefined });
  }
});

/**
 * The scenario object around the composed group schema and `levers` block, keys in the file's
 * order. Generic so that the scenario's type is inferred from the registry's fields.
 */
export function scenarioObject<G extends z.ZodType, L extends z.ZodType>(group: G, levers: L) {
  return z.strictObject({
    schemaVersion: z
      .literal(1)
      .meta(meta({ title: 'Schema version', description: 'Always 1 for this format.' })),
    title: text({ title: 'Title', description: 'What this scenario is.', section: 'Scenario' }),
    seed: z
      .number()
      .int()
      .min(-Number.MAX_SAFE_INTEGER)
      .max(Number.MAX_SAFE_INTEGER)
      .default(1)
      .meta(
        meta({
          title: 'Seed',
          description: 'Seed of the random generator: the same seed gives the same results.',
          section: 'Scenario',
          step: 1,
        }),
      ),
    runs: z
      .number()
      .int()
      .min(1)
      .max(MAX_RUNS)
      .default(1)
      .meta(
        meta({
          title: 'Runs',
          description: 'How many random rankings to draw (only with a random ranking).',
          section: 'Scenario',
          sliderMax: 1000,
          step: 1,
        }),
      ),
    groups: z
      .array(group)
      .min(1)
      .max(MAX_GROUPS)
      .meta(
        meta({ title: 'Groups', description: 'Groups of alike defendants, in arrival order.' }),
      ),
    prosecutor: ProsecutorSchema,
    levers,
    docket: DocketSchema.optional(),
  });
}
