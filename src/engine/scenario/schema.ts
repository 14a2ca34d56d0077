// The scenario file (MODEL.md §6): the single source of truth. Types are inferred from this
// schema, defaults are applied by it, the editor's labels/units/help come from its metadata,
// and the published JSON Schema (public/scenario.schema.json) is generated from it.
import { z } from 'zod';
import { checkScenario } from './rules';

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
  step?: number;
  /** Where the idea comes from. */
  citation?: string;
  /**
   * The value an absent optional field means, for fields the validated scenario leaves absent
   * (so a file round-trips unchanged): the editor shows it, the engine applies it.
   */
  implicitDefault?: unknown;
}

const meta = (m: FieldMeta) => m as unknown as Record<string, unknown>;

export const MAX_TEXT = 200;
export const MAX_YEARS = 1e6;
export const MAX_MONEY = 1e9;
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

const years = (m: FieldMeta) => z.number().min(0).max(MAX_YEARS).meta(meta(m));
const share = (m: FieldMeta) => z.number().min(0).max(1).meta(meta(m));

export const RankingName = z.enum(['optimal', 'arrival', 'byValue', 'random']);
export const Regime = z.enum(['noPlea', 'lottery', 'priority', 'forcedSpend', 'docket']);
export const Offers = z.enum(['tailored', 'uniform']);
export const Equilibrium = z.enum(['erosion', 'cascade']);

export const GroupSchema = z.strictObject({
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
  collateralCost: years({
    title: 'Collateral cost (K)',
    description:
      'Cost of any conviction, by plea or at trial: deportation, lost housing or licence.',
    unit: 'years',
    section: 'Levers',
    sliderMax: 20,
    step: 0.1,
  }).default(0),
  refusalCost: years({
    title: 'Cost of refusing (d)',
    description:
      'Paid by every defendant who refuses, tried or not: pretrial detention, lost work.',
    unit: 'years',
    section: 'Levers',
    sliderMax: 5,
    step: 0.05,
  }).default(0),
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
  pledgedShare: share({
    title: 'Pledged share',
    description: 'Share of the group who signed the strike pledge, spread evenly through it.',
    unit: 'share',
    section: 'Levers',
    step: 0.01,
    citation: 'Crespo, No Justice, No Pleas, Part II (advance commitment)',
  }).default(0),
  neverPleadsShare: share({
    title: 'Never-pleaders share',
    description: 'Share who refuse every plea whatever it costs (claim innocence, face life).',
    unit: 'share',
    section: 'Defendants',
    step: 0.01,
  }).default(0),
  pledgePenalty: years({
    title: 'Group pledge penalty (F_g)',
    description: "This group's own pledge penalty; empty uses the scenario's penalty F.",
    unit: 'years',
    section: 'Levers',
    sliderMax: 20,
    step: 0.1,
  })
    .nullable()
    .default(null),
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
        description: 'Docket: the week the first member of this group arrives (0 = the first week).',
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
});

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
          description: 'Cases arrive in weeks 0..W − 1; the calendar runs D weeks more to finish them.',
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

export const RankingSchema = z
  .union([RankingName, z.array(z.number().int())])
  .meta(
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

export const LeversSchema = z.strictObject({
  pledge: z
    .strictObject({
      penalty: years({
        title: 'Pledge penalty (F)',
        description: 'What breaking the pledge costs a pledged defendant who pleads, if seen.',
        unit: 'years',
        section: 'Levers',
        sliderMax: 20,
        step: 0.1,
        citation: 'Crespo, Part II (advance commitment built in the community)',
      }).default(0),
      secret: z
        .boolean()
        .default(false)
        .meta(
          meta({
            title: 'Secret pledges',
            description: 'Whether the prosecutor does not know who pledged.',
            section: 'Levers',
          }),
        ),
    })
    .default({ penalty: 0, secret: false }),
  visibility: z
    .strictObject({
      observed: share({
        title: 'Observed (q)',
        description: 'Probability a plea is seen (court watching, pleas in open court).',
        unit: 'probability',
        section: 'Levers',
        step: 0.01,
        citation: 'Crespo, Part II (defection made visible)',
      }).default(1),
      sanction: years({
        title: 'Community sanction (h)',
        description: 'Sanction on anyone seen pleading during the strike.',
        unit: 'years',
        section: 'Levers',
        sliderMax: 20,
        step: 0.1,
      }).default(0),
    })
    .default({ observed: 1, sanction: 0 }),
  strikeFund: z
    .strictObject({
      fund: z
        .number()
        .min(0)
        .max(MAX_MONEY)
        .default(0)
        .meta(
          meta({
            title: 'Strike fund (Φ)',
            description: 'Money the fund holds, in sentence-equivalent years.',
            unit: 'years',
            section: 'Levers',
            sliderMax: 5000,
            step: 1,
            citation: 'Crespo, Part II (side payments)',
          }),
        ),
      stipend: z
        .number()
        .min(0)
        .max(MAX_MONEY)
        .default(0)
        .meta(
          meta({
            title: 'Stipend (T)',
            description: 'Paid to a covered defendant who does not plead (bail, family support).',
            unit: 'years',
            section: 'Levers',
            sliderMax: 10,
            step: 0.1,
          }),
        ),
      insurance: z
        .number()
        .min(0)
        .max(MAX_MONEY)
        .default(0)
        .meta(
          meta({
            title: 'Insurance (I)',
            description: 'Paid in full to a covered defendant who is tried.',
            unit: 'years',
            section: 'Levers',
            sliderMax: 10,
            step: 0.1,
          }),
        ),
    })
    .default({ fund: 0, stipend: 0, insurance: 0 }),
});

const ScenarioObject = z.strictObject({
  schemaVersion: z.literal(1).meta(
    meta({ title: 'Schema version', description: 'Always 1 for this format.' }),
  ),
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
    .array(GroupSchema)
    .min(1)
    .max(MAX_GROUPS)
    .meta(meta({ title: 'Groups', description: 'Groups of alike defendants, in arrival order.' })),
  prosecutor: ProsecutorSchema,
  levers: LeversSchema.default({
    pledge: { penalty: 0, secret: false },
    visibility: { observed: 1, sanction: 0 },
    strikeFund: { fund: 0, stipend: 0, insurance: 0 },
  }),
  docket: DocketSchema.optional(),
});

/** The scenario as written in a file (defaults not yet applied). */
export type ScenarioInput = z.input<typeof ScenarioObject>;

/** Cross-field rules and the limits that protect the user's machine (see rules.ts). */
// A budget may be left out only under the docket (the cross-field rules check it; it is not used
// there). The docket's group fields (firstWeek, lastWeek, detentionPerWeek) stay absent when
// absent, so every earlier file round-trips unchanged; the engine reads them through
// population/kinds.ts with their MODEL.md defaults (0, W − 1, 0).
export const ScenarioSchema = ScenarioObject.superRefine(checkScenario).transform((s) => ({
  ...s,
  prosecutor: {
    ...s.prosecutor,
    ranking:
      s.prosecutor.ranking ?? (s.prosecutor.regime === 'priority' ? 'optimal' : 'arrival'),
  },
}));

/** A validated scenario with every default applied. */
export type Scenario = z.output<typeof ScenarioSchema>;
export type Group = Scenario['groups'][number];
export type Prosecutor = Scenario['prosecutor'];
export type Levers = Scenario['levers'];
export type RegimeName = z.infer<typeof Regime>;
export type Ranking = Scenario['prosecutor']['ranking'];
export type Docket = NonNullable<Scenario['docket']>;
export type ScenarioObjectOutput = z.output<typeof ScenarioObject>;

/** The object part (no cross-field rules): what the editor walks for field metadata. */
export const ScenarioShape = ScenarioObject;
