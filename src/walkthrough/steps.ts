// The guided tour for a class, as data (about 30 minutes). Each step names its scenario (a preset,
// perhaps with a few fields set), the live chart drawn beside its text, the figures shown on
// screen (every number the text cites is among them: test/components/walkthrough.test.tsx checks
// it against the engine), one question for the class, a note on what the model assumes, and
// exercises for the printed teacher's page.
//
// Adding a step is adding one entry: the weekly docket and the wave are two such steps, drawn with
// `view: { kind: 'docket' }` (the docket chart).
import { setPath } from '../engine';
import { gridValues } from '../engine';
import type { OutcomeKey } from '../engine';
import type { ScenarioInput } from '../engine';
import { PRESETS } from '../presets';

export const TAB_NAMES = ['Result', 'Sweep', 'Phase diagram', 'Regimes', 'Compare A/B'] as const;
export type TabName = (typeof TAB_NAMES)[number];

/** A preset, with some fields set (dotted paths, as the sweep uses). */
export interface ScenarioRef {
  preset: string;
  set?: Readonly<Record<string, string | number | boolean | null>>;
  /** The title shown in the workbench when fields are set. */
  title?: string;
}

/** A lever swept along a range for the step's chart (values from..to in `steps` equal steps). */
export interface SweepSpec {
  field: string;
  /** The field's name in plain words, for the axis and the figures. */
  label: string;
  from: number;
  to: number;
  steps: number;
  outcome: OutcomeKey;
  /** A second scenario swept the same way, drawn as B. */
  compare?: ScenarioRef;
  /** What A and B are, in words. */
  names?: [string, string];
}

/** What the step draws beside its text. */
export type TourView =
  /** The dilemma of two co-defendants: a payoff table from the engine. */
  | { kind: 'payoff' }
  /** The threshold diagram (lottery). */
  | { kind: 'thresholds' }
  /** The unraveling ladder with the player (priority, forcedSpend). */
  | { kind: 'ladder'; start: 'first' | 'last' }
  /** A lever swept (already run when the step opens). */
  | { kind: 'sweep'; sweep: SweepSpec }
  /** The weekly docket chart (arrivals by outcome, trials against capacity, the crash week). */
  | { kind: 'docket' }
  /** The closing table: which lever stops the unraveling, under which regime, at what size. */
  | { kind: 'summary' };

/** A figure of the result shown on screen. */
export type FigureKey =
  | 'defendants'
  | 'budget'
  | 'pleas'
  | 'trials'
  | 'free'
  | 'take'
  | 'noPleaTake'
  | 'takeRatio'
  | 'stopRank'
  | 'plannedTake'
  | 'k'
  | 'strikeProofOffer'
  | 'criticalMass'
  | 'offer'
  | 'successAt'
  | 'successAtB'
  | 'crashWeek';

export interface TourStep {
  /** Stable id (links, tests). */
  id: string;
  title: string;
  /** Two to five plain sentences. Every number in it is a figure on screen. */
  body: string;
  scenario: ScenarioRef;
  view: TourView;
  /** Figures shown beside the chart (computed by the engine). */
  figures: readonly FigureKey[];
  /** The question for the class. */
  question: string;
  /** What the model assumes here, in a sentence or two. */
  assumes: string;
  /** Exercises for the printed page. */
  exercises: readonly string[];
  /** The workbench tab "open this in the workbench" shows. */
  tab: TabName;
}

const CITY_REST = 'groups[*].pledgedShareOfRest';

export const STEPS: readonly TourStep[] = [
  {
    id: 'two-defendants',
    title: 'Two co-defendants: the dilemma as a plea choice',
    scenario: {
      preset: 'bgb-lottery',
      title: 'Two co-defendants, one trial, a plea offer of 3 years',
      set: {
        'groups[0].count': 2,
        'prosecutor.budget': 1,
        'prosecutor.offers': 'uniform',
        'prosecutor.uniformOffer': 3,
      },
    },
    view: { kind: 'payoff' },
    figures: ['defendants', 'budget', 'offer', 'noPleaTake'],
    body: 'Two people are charged together; each faces a 50% chance of 10 years at trial, and the prosecutor can afford 1 trial. She offers each a plea of 3 years. If both refuse, each is tried with probability one half; if one pleads, the other is tried for sure. The table gives the years each one expects, whatever the other does.',
    question:
      'If you trusted your co-defendant to refuse, what would you do? And if you did not?',
    assumes:
      'Each defendant weighs only his expected years; the offers are made to both at once and a refuser is picked for trial at random.',
    exercises: [
      'Find the offer below which pleading is best whatever the other does.',
      'Change the budget to 2 trials: what happens to the table?',
    ],
    tab: 'Result',
  },
  {
    id: 'lottery',
    title: 'Many defendants, few trials: the lottery',
    scenario: { preset: 'bgb-lottery' },
    view: { kind: 'thresholds' },
    figures: ['defendants', 'budget', 'take', 'noPleaTake', 'criticalMass', 'strikeProofOffer'],
    body: 'Now 100 alike defendants, and trials for 3. If everyone refuses, each runs a 3-in-100 risk of trial, so refusing is a best reply: the strike is an equilibrium and her take falls to 15, no more than her trials alone. Each one refuses once 3 others do, so committing 3 tips everyone into the strike. Only an offer as low as 0.15 years breaks it.',
    question: 'Why is it enough to commit only 3 of the 100?',
    assumes:
      'All offers are made at once and the refusers who are tried are drawn at random; everyone knows how many trials she can afford.',
    exercises: [
      'Read off the threshold diagram where the curve meets the diagonal. What are the two equilibria?',
      'Double the budget to 6 trials: how many must now be committed?',
    ],
    tab: 'Result',
  },
  {
    id: 'divide-and-conquer',
    title: 'Divide and conquer (priority)',
    scenario: { preset: 'bgb-priority' },
    view: { kind: 'ladder', start: 'first' },
    figures: ['defendants', 'budget', 'pleas', 'trials', 'take', 'noPleaTake', 'takeRatio'],
    body: 'She can do better than a lottery: she announces an order. The first in line faces a certain trial if he refuses, so he pleads; that leaves her budget of 3 untouched for the second, and so on down the line. Press play and watch: all 100 plead and no trial is held. Her take is 500 years against 15 from trials alone.',
    question: 'Where in this line would you want to stand, and why does it not help?',
    assumes:
      'She can announce and keep to an order, and each defendant knows where he stands and what budget is left when his turn comes.',
    exercises: [
      'Step through the first five ranks: how much budget is left at each?',
      'What would the first defendant need to be promised to refuse?',
    ],
    tab: 'Result',
  },
  {
    id: 'public-pledges',
    title: "Pledges made in public (Crespo's city)",
    scenario: { preset: 'crespo-city-public' },
    view: { kind: 'ladder', start: 'last' },
    figures: ['defendants', 'budget', 'pleas', 'trials', 'free', 'take', 'noPleaTake', 'stopRank'],
    body: "A city with 7,000 felony cases a year and room for 450 trials, all used by serious cases that go to trial anyway. 328 of the others sign a public pledge that no offer can buy. She sees who signed: she takes pleas from the 6,222 others first, tries the serious cases and lets the pledgers go. Her take, 18,466.2, is still far above the 5,400 from trials alone.",
    question: 'The pledgers went free. Why did the strike still fail?',
    assumes:
      'Breaking the pledge costs more than a plea would save; she knows who pledged and ranks them last (her optimal order).',
    exercises: [
      'Open a bin near rank 6,673 and explain who is in it.',
      'How large would the pledge have to be for her take to fall to 5,400?',
    ],
    tab: 'Result',
  },
  {
    id: 'secret-pledges',
    title: 'Pledges kept secret',
    scenario: { preset: 'crespo-city-secret' },
    view: { kind: 'ladder', start: 'last' },
    figures: ['pleas', 'trials', 'free', 'plannedTake', 'take', 'noPleaTake'],
    body: 'The same pledge, kept secret. She cannot tell who signed, so she offers a plea to every other felony, and the pledgers refuse and are tried in place of serious cases. She planned on a take of 19,155 and got 15,219. Secrecy costs her, but the pledgers pay for it at trial.',
    question: 'Would you advise organizers to keep the list of signers secret?',
    assumes:
      'With secret pledges she plans as if no one had pledged; she still learns each answer as it comes and adjusts.',
    exercises: [
      'Compare the pleas, trials and free with the public pledge: which changed?',
      'Who pays for the secrecy, and who gains from it?',
    ],
    tab: 'Result',
  },
  {
    id: 'court-watching',
    title: 'Court watching: defection made visible',
    scenario: {
      preset: 'bgb-priority',
      title: 'Divide and conquer with court watchers (sanction 6 years)',
      set: { 'levers.visibility.sanction': 6 },
    },
    view: {
      kind: 'sweep',
      sweep: {
        field: 'levers.visibility.observed',
        label: 'share of pleas seen by court watchers (q)',
        from: 0,
        to: 1,
        steps: 20,
        outcome: 'takeRatio',
      },
    },
    figures: ['defendants', 'budget', 'successAt'],
    body: 'Every plea is entered in open court, where organizers can watch. Say the community sanctions anyone seen pleading, at a cost worth 6 years to him. The chart sweeps the share of pleas that are seen: once it reaches 0.85, no plea she can offer is worth taking, and her take falls to what trials alone give.',
    question: 'What could a court-watching group do to make being seen more likely?',
    assumes:
      'A plea is seen with probability q and then costs the sanction h; a defendant weighs the expected cost q × h against the plea.',
    exercises: [
      'Read the take at q = 0.5. Why is it lower than at q = 0?',
      'Halve the sanction to 3 years: where does the curve meet the no-plea line now?',
    ],
    tab: 'Sweep',
  },
  {
    id: 'side-payments',
    title: 'Side payments: a stipend or insurance',
    scenario: {
      preset: 'bgb-priority',
      title: 'Everyone pledged, her optimal order, insurance of 5 years per trial',
      set: {
        'groups[0].pledgedShare': 1,
        'prosecutor.ranking': 'optimal',
        'levers.strikeFund.insurance': 5,
      },
    },
    view: {
      kind: 'sweep',
      sweep: {
        field: 'levers.strikeFund.fund',
        label: 'strike fund (years)',
        from: 0,
        to: 500,
        steps: 100,
        outcome: 'takeRatio',
        compare: {
          preset: 'bgb-priority',
          title: 'Everyone pledged, her optimal order, a stipend of 5 years to each refuser',
          set: {
            'groups[0].pledgedShare': 1,
            'prosecutor.ranking': 'optimal',
            'levers.strikeFund.stipend': 5,
          },
        },
        names: ['A: insurance for those tried', 'B: a stipend to every refuser'],
      },
    },
    figures: ['defendants', 'budget', 'successAt', 'successAtB'],
    body: 'A strike fund can pay each refuser a stipend, or insure those who are tried. A stipend must go to everyone it covers, but she can try only 3, so insurance is paid at most 3 times. The chart sweeps the size of the fund: insurance stops the unraveling with a far smaller fund than a stipend.',
    question: 'Why is insurance cheap when trials are scarce?',
    assumes:
      'The fund must be able to pay in the worst case; it covers the pledged in arrival order, and insurance pays at most as many trials as the budget can hold.',
    exercises: [
      'Set the fund but no stipend and no insurance: why does nothing happen?',
      'With a budget of 30 trials, how large must the insurance fund be?',
    ],
    tab: 'Sweep',
  },
  {
    id: 'commitment',
    title: 'Commitment: the speedy-trial clock',
    scenario: { preset: 'crespo-city-clock' },
    view: { kind: 'ladder', start: 'last' },
    figures: ['pleas', 'trials', 'free', 'take', 'noPleaTake', 'stopRank'],
    body: "Back in Crespo's city, but now a refuser must be tried at once or let go for good. A trial spent on a minor case is a serious trial given up, so she would rather not carry out her threat, and everyone knows it. No one pleads: she tries the 450 serious cases and 6,550 go free. Without commitment, no threat is credible.",
    question:
      'Divide and conquer worked because she could commit to an order. What here takes that away?',
    assumes:
      'She cannot promise in advance to spend a trial on a minor case; each threat is judged when its moment comes (the chain-store paradox). This shows what commitment is worth to her, not how a real court runs.',
    exercises: [
      'Find the stop rank on the ladder and say whose case it is.',
      'Why is the take 5,400 with or without the pledge?',
    ],
    tab: 'Result',
  },
  {
    id: 'j20',
    title: '#J20, Washington, D.C., 2017',
    scenario: { preset: 'j20' },
    view: { kind: 'ladder', start: 'first' },
    figures: ['defendants', 'budget', 'pleas', 'trials', 'free', 'stopRank'],
    body: '230 people arrested on inauguration day were charged together, and more than half signed a statement of unity. The model is set so its trials and pleas land near history: this is a calibration, not a reproduction. With 23 trials to spare and cases met in docket order, the signers near the front use up the trials, and from rank 44 on no threat is credible. In history 20 pleaded and every other case was dismissed.',
    question: 'What would the prosecutor have done differently if she had known the list of signers?',
    assumes:
      'The budget of 23 trials and the signers’ resolve are chosen to match what happened; the real prosecutors faced choices the model leaves out.',
    exercises: [
      'Play the ladder: at which rank does the budget run out?',
      'Switch the ranking to her optimal order in the workbench: how many plead then?',
    ],
    tab: 'Result',
  },
  {
    id: 'crespo-city',
    title: "Crespo's city: cases as they arrive",
    scenario: { preset: 'crespo-city-arrival' },
    view: { kind: 'ladder', start: 'first' },
    figures: ['pleas', 'trials', 'free', 'take', 'noPleaTake', 'stopRank'],
    body: 'Now cases come up in the order they arrive through the year, so she cannot pick off the unpledged first. Press play: serious cases and early pledgers use up all 450 trials, and from rank 3,562 on no threat is credible. 3,439 go free and her take falls to 10,309.5. The 5% pledge moves the crash months earlier.',
    question: 'What does a court that runs at capacity have to fear from a sustained pledge?',
    assumes:
      'Cases are met in arrival order and every trial costs the same; the year’s budget is fixed in advance.',
    exercises: [
      'Open the bin where the stop line appears: who is in it?',
      'Sweep the pledge in the workbench: where does the stop rank fall?',
    ],
    tab: 'Result',
  },
  {
    id: 'how-big',
    title: 'How big must the pledge be?',
    scenario: { preset: 'crespo-city-arrival' },
    view: {
      kind: 'sweep',
      sweep: {
        field: CITY_REST,
        label: 'share of the others who pledge',
        from: 0,
        to: 1,
        steps: 20,
        outcome: 'takeRatio',
        compare: { preset: 'crespo-city-clock' },
        names: ['A: cases in arrival order', 'B: the speedy-trial clock'],
      },
    },
    figures: ['successAt', 'successAtB'],
    body: 'The chart sweeps the share of defendants who pledge, in arrival order (A) and under the clock (B). The no-plea line marks where plea bargaining extracts no more than trials alone: on or below it the courts are swamped. Under the clock that happens with no pledge at all.',
    question: 'Which matters more to the strike: the size of the pledge, or the rules of the court?',
    assumes: 'The pledge is spread evenly through the year; the serious cases go to trial anyway.',
    exercises: [
      'Read off the smallest pledge that brings the line to 1 in arrival order.',
      'Why does the clock need no pledge?',
    ],
    tab: 'Sweep',
  },
  {
    id: 'weekly-docket',
    title: 'A court that runs at capacity, week by week',
    scenario: { preset: 'crespo-docket-sustained' },
    view: { kind: 'docket' },
    figures: ['pleas', 'trials', 'free', 'crashWeek'],
    body: 'A real court tries cases week by week: here 9 trial units a week, lost if unused, and a case not tried within 8 weeks of arriving is dismissed. Without a pledge nearly everyone pleads, as in real courts. With up to 5% of a group pledged all year, the pledgers fill the weekly calendar, and from week 11 a defendant can find no trial date before his deadline. 4,086 plead, 540 are tried and 2,374 go free.',
    question: 'Why does a court that already runs at capacity have so little room for refusals?',
    assumes:
      'Cases are booked first come, first served into the earliest week with room; a trial week unused is lost; the prosecutor tries every refuser the calendar can fit.',
    exercises: [
      'Find the crash week on the chart and list the defendants arriving that week.',
      'In the workbench, drag the weekly capacity: how does the crash week move?',
    ],
    tab: 'Result',
  },
  {
    id: 'one-wave',
    title: 'A sustained pledge or one wave?',
    scenario: { preset: 'crespo-docket-wave' },
    view: { kind: 'docket' },
    figures: ['pleas', 'trials', 'free', 'crashWeek'],
    body: 'The same pledgers can instead arrive all at once, as one wave in a single week. The wave jams the calendar from week 26, but the court catches up: 6,124 plead, 522 are tried and only 354 go free. In this court a sustained pledge frees far more people than a one-time wave of the same size.',
    question: 'What would organizers need to do to keep a court jammed for a whole year?',
    assumes:
      'The wave arrives in one week and the deadline is the same for everyone; after the wave, cases are booked into the weeks its trials left free.',
    exercises: [
      'On the chart, find the week the calendar recovers: what happens to the backlog after it?',
      'Move the wave to another week in the workbench (its first and last week): does the result change?',
    ],
    tab: 'Result',
  },
  {
    id: 'summary',
    title: 'Which lever stops the unraveling?',
    scenario: { preset: 'bgb-priority' },
    view: { kind: 'summary' },
    figures: [],
    body: 'Each row is one lever under one regime, computed by the engine as the class watches. It gives the smallest size at which plea bargaining extracts no more than trials alone would. A dash means not even at the end of the range.',
    question:
      'Why does a strike unravel, which levers stop it, and under which conditions?',
    assumes: 'Each row changes one lever and keeps everything else as in its scenario.',
    exercises: [
      'Pick a row and open its scenario in the workbench: sweep the lever and find the same number.',
      'Which row would an organizer find cheapest to act on?',
    ],
    tab: 'Sweep',
  },
];

/** The step with this id. */
export function stepById(id: string): TourStep | undefined {
  return STEPS.find((s) => s.id === id);
}

/** The scenario a reference names: the preset's file with the fields set (and its title). */
export function resolveScenario(ref: ScenarioRef): ScenarioInput {
  const p = PRESETS.find((x) => x.id === ref.preset);
  if (!p) throw new Error(`no preset ${ref.preset}`);
  let doc: ScenarioInput = p.scenario;
  for (const [path, value] of Object.entries(ref.set ?? {})) doc = setPath(doc, path, value);
  if (ref.title) doc = { ...doc, title: ref.title };
  return doc;
}

/** The values a sweep spec runs over. */
export function sweepValuesOf(s: SweepSpec): number[] {
  // The engine's grid, written to 10 decimals so a step's values read as typed (0.3, not 0.30000000000000004).
  return gridValues(s.from, s.to, s.steps).map((x) => +x.toFixed(10));
}

/** One row of the closing table. */
export interface SummaryRow {
  id: string;
  lever: string;
  regime: string;
  scenario: ScenarioRef;
  sweep: Omit<SweepSpec, 'outcome' | 'compare' | 'names'>;
  /** The unit of the size, for the table. */
  unit: string;
  /** The size is a share (shown as a percentage). */
  share?: boolean;
}

export const SUMMARY_ROWS: readonly SummaryRow[] = [
  {
    id: 'pledge-priority-public',
    lever: 'A public pledge',
    regime: 'Divide and conquer (priority), her optimal order',
    scenario: { preset: 'crespo-city-public' },
    sweep: { field: CITY_REST, label: 'share who pledge', from: 0, to: 1, steps: 20 },
    unit: 'of defendants',
    share: true,
  },
  {
    id: 'pledge-priority-arrival',
    lever: 'A public pledge',
    regime: 'Divide and conquer (priority), cases in arrival order',
    scenario: { preset: 'crespo-city-arrival' },
    sweep: { field: CITY_REST, label: 'share who pledge', from: 0, to: 1, steps: 20 },
    unit: 'of defendants',
    share: true,
  },
  {
    id: 'pledge-clock',
    lever: 'A public pledge',
    regime: 'The speedy-trial clock (forced spend)',
    scenario: { preset: 'crespo-city-clock' },
    sweep: { field: CITY_REST, label: 'share who pledge', from: 0, to: 1, steps: 20 },
    unit: 'of defendants',
    share: true,
  },
  {
    id: 'court-watching',
    lever: 'Court watching (sanction 6 years)',
    regime: 'Divide and conquer (priority)',
    scenario: { preset: 'bgb-priority', set: { 'levers.visibility.sanction': 6 } },
    sweep: { field: 'levers.visibility.observed', label: 'share of pleas seen', from: 0, to: 1, steps: 20 },
    unit: 'of pleas seen',
    share: true,
  },
  {
    id: 'insurance',
    lever: 'Insurance (5 years per trial)',
    regime: 'Divide and conquer (priority), her optimal order',
    scenario: {
      preset: 'bgb-priority',
      set: { 'groups[0].pledgedShare': 1, 'prosecutor.ranking': 'optimal', 'levers.strikeFund.insurance': 5 },
    },
    sweep: { field: 'levers.strikeFund.fund', label: 'fund', from: 0, to: 500, steps: 100 },
    unit: 'years in the fund',
  },
  {
    id: 'stipend',
    lever: 'A stipend (5 years per refuser)',
    regime: 'Divide and conquer (priority), her optimal order',
    scenario: {
      preset: 'bgb-priority',
      set: { 'groups[0].pledgedShare': 1, 'prosecutor.ranking': 'optimal', 'levers.strikeFund.stipend': 5 },
    },
    sweep: { field: 'levers.strikeFund.fund', label: 'fund', from: 0, to: 500, steps: 100 },
    unit: 'years in the fund',
  },
  {
    id: 'docket-sustained',
    lever: 'A public pledge, sustained all year',
    regime: 'A court at capacity: the weekly docket (9 trial units a week, 8-week deadline)',
    scenario: { preset: 'crespo-docket-sustained' },
    sweep: { field: CITY_REST, label: 'share who pledge', from: 0, to: 1, steps: 20 },
    unit: 'of defendants',
    share: true,
  },
  {
    id: 'lottery-pledge',
    lever: 'A pledge (penalty 5 years)',
    regime: 'Simultaneous offers (lottery)',
    scenario: { preset: 'bgb-lottery', set: { 'levers.pledge.penalty': 5, 'prosecutor.equilibrium': 'cascade' } },
    sweep: { field: 'groups[0].pledgedShare', label: 'share who pledge', from: 0, to: 0.2, steps: 20 },
    unit: 'of defendants',
    share: true,
  },
];
