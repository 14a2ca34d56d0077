// The guided tour for a class, as data: each step loads a preset and/or a tab and says what to
// look for. Every figure comes from docs/presets.md, where the presets' tests verify it.

export const TAB_NAMES = ['Result', 'Sweep', 'Phase diagram', 'Regimes', 'Compare A/B'] as const;
export type TabName = (typeof TAB_NAMES)[number];

export interface TourStep {
  /** Stable id (links, tests). */
  id: string;
  title: string;
  /** Two to five plain sentences, with the model's numbers. */
  body: string;
  /** The preset this step loads when entered. */
  presetId?: string;
  /** The tab this step shows when entered. */
  tab?: TabName;
  /** What to look at on screen. */
  lookFor: string;
}

export const STEPS: readonly TourStep[] = [
  {
    id: 'divide-and-conquer',
    title: 'Divide and conquer',
    presetId: 'bgb-priority',
    tab: 'Result',
    body: 'One hundred alike defendants each face a 50% chance of 10 years at trial, an expected sentence of 5 years, and the prosecutor can afford only 3 trials. She announces an order: the first in line faces a certain trial if he refuses, so he pleads, which leaves her budget intact for the second, and so on down the line. Everyone pleads at 5 years and no trial is ever held. Her take is 500 years against the 15 her three trials alone could win: take/noPlea = 100/3 ≈ 33.3.',
    lookFor:
      'The ladder: every rank is threatened, the budget is never touched, and there is no stop rank.',
  },
  {
    id: 'lottery',
    title: 'The same defendants under a lottery',
    presetId: 'bgb-lottery',
    tab: 'Result',
    body: 'Now she makes all 100 offers at once and tries refusers drawn at random. If everyone refuses, each runs only a 3-in-100 risk of trial, so refusing is a best reply: the strike is an equilibrium, and her take falls to 15, no more than her trials alone. Each defendant refuses once 3 others do, so committing just 3 tips everyone into the strike. Only an offer of (k/N)·e = 3/100 · 5 = 0.15 years breaks it, and at that price she again collects only 15.',
    lookFor:
      'The threshold diagram: the curve meets the diagonal at 0 and at 100 refusers (two equilibria), and the strike-proof offer is 0.15.',
  },
  {
    id: 'public-pledges',
    title: "Crespo's city: public pledges",
    presetId: 'crespo-city-public',
    tab: 'Result',
    body: "Crespo's city has 7,000 felony cases a year and room for 450 trials, all used by 450 serious cases that go to trial anyway. 328 of the others (5%) sign a public pledge that no offer can buy, since breaking it costs more than their 2.1-year expected sentence. But she sees who signed: she takes pleas at 2.1 years from the 6,222 unpledged first, tries the serious cases and lets the pledgers go. Take 18,466.2 against 5,400 from trials alone: the pledgers go free, but the system does not crash.",
    lookFor:
      'The stop rank, 6,673: the unraveling stops only after every unpledged defendant has pleaded.',
  },
  {
    id: 'secret-pledges',
    title: 'Secret pledges',
    presetId: 'crespo-city-secret',
    tab: 'Result',
    body: 'The same pledge, kept secret. Not knowing who signed, she offers 2.1 years to all 6,550 other felonies; the 328 pledgers refuse and, being threatened, are tried, so only 122 serious cases get a trial. She planned on a take of 19,155 and got 15,219. Secrecy costs her, but the pledgers pay for it: tried here, free under public pledges.',
    lookFor: 'Her plan against reality: planned take 19,155, actual take 15,219.',
  },
  {
    id: 'arrival-order',
    title: 'Cases in arrival order',
    presetId: 'crespo-city-arrival',
    tab: 'Result',
    body: 'Now cases come up in the order they arrive through the year, so she cannot pick off the unpledged first. The serious cases and the pledgers who arrive early use up all 450 trials by rank 3,561, early in the third quarter. From rank 3,562 on no threat is credible: 3,439 defendants go free, pleas fall to 3,111 and her take to 10,309.5. Without the pledge the trials would last until rank 5,362, so the 5% pledge moves the crash a quarter earlier.',
    lookFor: 'On the ladder, the stop rank 3,562: everyone after it is unthreatened.',
  },
  {
    id: 'weekly-docket',
    title: 'A real court: the weekly docket',
    presetId: 'crespo-docket-status-quo',
    tab: 'Result',
    body: 'A real court does not hold one budget for the year: it has about nine trial dates a week, lost if unused, and a 60-day speedy-trial deadline. Put the same 7,000 cases on that calendar with no pledge: every other felony finds a trial date before his deadline, so each is threatened and pleads. 6,550 of 7,000 plead (93.6%, as in real courts) and nobody goes free.',
    lookFor: 'The docket chart: the calendar never crashes, and the status quo panel finds nothing implausible.',
  },
  {
    id: 'sustained-pledge',
    title: 'A 5% pledge, all year',
    presetId: 'crespo-docket-sustained',
    tab: 'Result',
    body: 'Now 328 of the other felonies (about 6 a week) sign a pledge no offer can buy. With the serious cases they ask for about 15 trials a week from a court that holds 9. The spare capacity lasts ten weeks: in week 11 the first defendant finds no trial date before his deadline, and from then on whoever has no date has no reason to plead. 2,374 go free and pleas fall from 6,550 to 4,086.',
    lookFor: 'The crash week 11 on the docket chart, the backlog stuck at a full eight weeks, and beside it the status quo with no one free.',
  },
  {
    id: 'one-wave',
    title: 'The same pledgers as one wave',
    presetId: 'crespo-docket-wave',
    tab: 'Result',
    body: 'The same 328 pledgers, all arriving in week 26. The wave fills every trial date of its nine-week window and crashes the calendar that week: 354 go free. But the court recovers in week 28, and from then on everyone finds a date and pleads again. In this court a pledge sustained all year frees 2,374; the one-time wave, 354.',
    lookFor: 'The crash in week 26 and the recovery in week 28 on the docket chart.',
  },
  {
    id: 'speedy-trial-clock',
    title: 'A lesson on commitment: the clock',
    presetId: 'crespo-city-clock',
    tab: 'Result',
    body: 'This is not a court but a lesson on commitment. Give the prosecutor one budget for the whole year and make her try a refuser at once or let him go: a trial spent on a 2.1-year case is a 12-year serious trial given up later, so she would never carry out her threat against an other felony, and everyone knows it. No one pleads, with or without the pledge: without commitment no threat is credible (Selten’s chain store). Real courts commit through the weekly calendar, which is why they plead out 90–97% of their cases.',
    lookFor: 'Pleas 0 even with the pledged share at 0, and the status quo panel warning that this status quo is implausible.',
  },
  {
    id: 'j20',
    title: '#J20, Washington, D.C., 2017',
    presetId: 'j20',
    tab: 'Result',
    body: '230 inauguration-day protesters were charged together, and 120 signed a statement of unity that no offer could buy. With about 23 trials to spare and the cases met in docket order, the first 23 signers use up the trials by rank 43, and the 20 non-signers ahead of them plead. From rank 44 on no threat is credible and 187 go free: history had 20 pleas and every other case dismissed. Against an optimal ranking all 110 non-signers would have pleaded.',
    lookFor: 'Pleas 20, trials 23, free 187, and the stop rank 44.',
  },
  {
    id: 'bail-fund',
    title: 'Misdemeanors: detention and a bail fund',
    presetId: 'misdemeanor-bail-fund',
    tab: 'Result',
    body: 'In a misdemeanor court the sentence at trial is about five weeks, but refusing means three months in jail awaiting trial. So even a defendant no one could try pleads, to time served. A bail fund covering the detention of the first 250 pledgers flips exactly those: the first 20 are tried and 230 go free. Everyone else still pleads, 750 in all: take 178.86 against 1.4 from trials alone.',
    lookFor:
      'After rank 48 the court has no trials left, yet the ladder keeps showing pleas: to time served (0.25) and by the 150 pledgers the fund does not cover (0.17).',
  },
  {
    id: 'try-it',
    title: 'Try it yourself: when are the courts swamped?',
    presetId: 'crespo-city-arrival',
    tab: 'Sweep',
    body: "Back in Crespo's city, cases in arrival order. Sweep the pledged share from 0 to 1 and watch the take fall and the stop rank move earlier. Find the share at which the take drops to the 5,400 her trials alone would give: from there on plea bargaining extracts nothing more and the courts are swamped.",
    lookFor:
      'The point where the take curve meets the no-plea line, and how far the stop rank has moved by then.',
  },
  {
    id: 'compare',
    title: 'Compare A/B',
    presetId: 'crespo-city-public',
    tab: 'Compare A/B',
    body: 'Put two scenarios side by side: public pledges against secret ones, the optimal ranking against arrival order, or a pledge sustained all year against the same pledgers as one wave. Read the differences in take, pleas and defendants set free. Which lever would you pull as an organizer, and which would a prosecutor fear most?',
    lookFor: 'Which figures move between A and B, and which stay put.',
  },
];

/** The step with this id. */
export function stepById(id: string): TourStep | undefined {
  return STEPS.find((s) => s.id === id);
}
