// The presets gallery: every scenario of MODEL.md §8 as a scenario file (*.scenario.json, the full
// §6 format with every field written out). The same files are golden test fixtures
// (test/presets/presets.test.ts); docs/presets.md derives their key figures by hand.
import type { ScenarioInput } from '../engine';
import bgbPriority from './bgb-priority.scenario.json';
import bgbLottery from './bgb-lottery.scenario.json';
import crespoCityPublic from './crespo-city-public.scenario.json';
import crespoCitySecret from './crespo-city-secret.scenario.json';
import crespoCityArrival from './crespo-city-arrival.scenario.json';
import crespoCityClock from './crespo-city-clock.scenario.json';
import crespoDocketStatusQuo from './crespo-docket-status-quo.scenario.json';
import crespoDocketSustained from './crespo-docket-sustained.scenario.json';
import crespoDocketWave from './crespo-docket-wave.scenario.json';
import j20 from './j20.scenario.json';
import misdemeanorBailFund from './misdemeanor-bail-fund.scenario.json';

export interface Preset {
  /** Stable id: the app, links and tests refer to presets by it. */
  id: string;
  /** The scenario's own title. */
  title: string;
  /** What it shows, in a sentence or two, for a law student. */
  description: string;
  /** Where the scenario comes from. */
  source: string;
  /** What to look for in the result. */
  story: string;
  scenario: ScenarioInput;
}

const BGB =
  "Oren Bar-Gill & Omri Ben-Shahar, The Prisoners' (Plea Bargain) Dilemma, 1 J. Legal Analysis 737 (2009)";
const CRESPO =
  'Andrew Manuel Crespo, No Justice, No Pleas: Subverting Mass Incarceration Through Defendant Collective Action, 90 Fordham L. Rev. 1999 (2022)';

// JSON modules type their strings as `string`; the tests check every file against the schema.
const asScenario = (json: unknown) => json as ScenarioInput;

export const PRESETS: readonly Preset[] = [
  {
    id: 'bgb-priority',
    title: bgbPriority.title,
    description:
      'One hundred alike felony defendants and a prosecutor who can afford only three trials. She announces the order in which she will try whoever refuses, and a strike unravels from the first defendant on.',
    source: `${BGB}, at 752–54 (divide and conquer: the threat against D1 is credible, so D1 accepts, then D2, and so on); quoted in Crespo, No Justice, No Pleas (2022), Part II & n.87.`,
    story:
      'Everyone pleads at the full expected trial sentence p·S = 5 years: take 500 against the 15 her three trials alone could win, so take/noPlea = N/k = 100/3 ≈ 33.3. No trial is held and the budget is never touched: the threat against the first in line is credible, so he pleads, which keeps the threat against the second credible, and so on down the line. Any budget of at least one trial gives the same result.',
    scenario: asScenario(bgbPriority),
  },
  {
    id: 'bgb-lottery',
    title: bgbLottery.title,
    description:
      'The same hundred defendants, but the prosecutor posts tailored offers to all at once and tries refusers drawn at random, as many as her three trials allow. This is the setting in which a strike can hold.',
    source: `${BGB} (simultaneous offers: the strike as an equilibrium, against which divide and conquer is the prosecutor's answer); discussed in Crespo, No Justice, No Pleas (2022), Part II.`,
    story:
      'There are two equilibria: everyone pleads (take 500), or everyone refuses and each runs only a 3-in-100 risk of trial (take 15, no more than her trials alone). The totals show the strike, the size to which a strike that starts with everyone erodes (100); each defendant refuses once 3 others do, so committing 3 (the critical mass) tips everyone into it. The strike-proof offer is (k/N)·e = 3/100 · 5 = 0.15 years: only so small an offer breaks the strike, and at it she collects 100 · 0.15 = 15, again no more than her trials.',
    scenario: asScenario(bgbLottery),
  },
  {
    id: 'crespo-city-public',
    title: crespoCityPublic.title,
    description:
      "Crespo's city: 7,000 felony cases a year and capacity for 450 trials, all of it used by the 450 serious cases that go to trial anyway; 5% of the other cases (328 defendants) sign a public pledge. The prosecutor knows who signed and ranks to maximize her take.",
    source: `${CRESPO}, Introduction (a head prosecutor: "about 7000 felony cases a year … four to five hundred trials … about a 3 percent trial rate") and Part I.A ("just 5 percent of the remaining defendants").`,
    story:
      'The pledge binds: a pledger seen pleading (q = 0.9) forfeits F = 2.5, more than his expected trial sentence 0.7 · 3 = 2.1, so no offer buys his plea. But she ranks the 6,222 unpledged other felonies first (all plead at 2.1), spends her 450 trials on the serious cases (12 years each) and lets the 328 pledgers go: take 18,466.2 against 5,400 from trials alone. Divide and conquer wins when she can see and order the whole docket; the pledgers go free, the system does not crash (stop rank 6,673).',
    scenario: asScenario(crespoCityPublic),
  },
  {
    id: 'crespo-city-secret',
    title: crespoCitySecret.title,
    description:
      'The same city and the same 5% pledge, but the pledges are secret: the prosecutor does not know who signed, so she cannot steer her trials away from the pledgers.',
    source: `${CRESPO}, Part I.A (the 5 percent) and Part II (advance commitment built in the community before arrest).`,
    story:
      'Not knowing who signed, she ranks all 6,550 other felonies first with offers of 2.1; every pledger she meets refuses and, being threatened, is tried. So 328 of her 450 trials go to 2.1-year cases, only 122 serious cases (12 years each) are tried and 328 go free: her take falls from 18,466.2 (public pledges) to 15,219, though she planned on 19,155. Secrecy costs the prosecutor, but the pledgers pay for it (tried here, freed under public pledges), and the other 6,222 still plead.',
    scenario: asScenario(crespoCitySecret),
  },
  {
    id: 'crespo-city-arrival',
    title: crespoCityArrival.title,
    description:
      'The same city and public pledge, but cases are tried in the order they arrive through the year (four quarters, each with its serious and other felonies): the prosecutor cannot reorder the docket to pick off the unpledged first.',
    source: `${CRESPO}, Part I.A ("Five percent. And the system comes to a halt.") and Part II n.95 (the strike's "sudden crashing impact" before a one-by-one unraveling can work).`,
    story:
      'Every refuser who arrives while she has budget is tried, and the serious cases and pledgers who come first use up the 450 trials by rank 3,561, early in the third quarter. From rank 3,562 on no one is threatened: 3,439 defendants go free, pleas fall to 3,111 and her take to 10,309.5. Without the pledge (pledged share 0) the trials would last until the last serious case at rank 5,362 and only the fourth quarter’s 1,638 other felonies would go free: the 5% pledge moves the crash a quarter earlier.',
    scenario: asScenario(crespoCityArrival),
  },
  {
    id: 'crespo-docket-status-quo',
    title: crespoDocketStatusQuo.title,
    description:
      "Crespo's city on a weekly docket: 7,000 felony cases arriving evenly over 52 weeks, nine trials a week, and a 60-day speedy-trial deadline (8 weeks). The 450 serious cases go to trial anyway; nobody has pledged. This is the status quo every strike is measured against.",
    source: `${CRESPO}, Introduction ("about 7000 felony cases a year … four to five hundred trials") and Part I.A (courts already run at full trial capacity); MODEL.md §4.5 and §8 (52 weeks, about 9 trials a week, D = 8).`,
    story:
      'Nearly everyone pleads, as in a real court: the 6,550 other felonies all find a trial date within their deadline, so each is threatened and pleads at his expected sentence 2.1 (a plea rate of 93.6%). The 450 serious cases fill 450 of the 540 trial slots of the 60-week calendar; the calendar never crashes and nobody goes free. Take 19,155 against 5,589 from trials alone. Move the pledged share of the other felonies to watch the court jam.',
    scenario: asScenario(crespoDocketStatusQuo),
  },
  {
    id: 'crespo-docket-sustained',
    title: crespoDocketSustained.title,
    description:
      'The same weekly court, but 5% of the other felonies (328 defendants, about 6.3 a week) have signed a public pledge that no offer can buy (q·F = 2.25 > 2.1). They arrive all year long, spread evenly among the other cases.',
    source: `${CRESPO}, Part I.A ("just 5 percent of the remaining defendants … And the system comes to a halt") and Part II (refusals above the spare capacity jam the court).`,
    story:
      'About 6.3 pledgers a week on top of 8.7 serious cases ask for 15 trials a week from a court that holds 9. The spare capacity lasts ten weeks: in week 11 the first defendant finds no trial date before his deadline (stop rank 1,609). From then on every week ends with 72 units booked ahead (a full 8-week calendar), and whoever refuses or has no date goes free: 2,374 free (2,136 unpledged other felonies who had no date and so no reason to plead, 95 pledgers and 143 serious cases), pleas fall from 6,550 to 4,086 and her take from 19,155 to 12,753.9. The strike does not "succeed" by the take criterion (her take is still above the 5,589 her trials alone win), but a third of the court walks free.',
    scenario: asScenario(crespoDocketSustained),
  },
  {
    id: 'crespo-docket-wave',
    title: crespoDocketWave.title,
    description:
      'The same 328 pledgers, but all of them arrive in one week (week 26): a one-time wave instead of a sustained pledge. Everyone else arrives as before.',
    source: `${CRESPO}, Part II n.95 (the strike's "sudden crashing impact") and Part I.D (speedy-trial rights make it hard to spread striking defendants across time); MODEL.md §4.5 (after a one-time wave the calendar can recover).`,
    story:
      'The wave fills the nine weeks of its window (79 of the 328 are booked into weeks 26–34) and crashes the calendar in week 26: 249 pledgers, 91 other felonies and 7 serious cases arriving that week go free, and 7 more the week after. Then the calendar recovers: from week 28 on nobody goes free again, though the court now runs eight weeks behind. In all 354 go free against 2,374 under the sustained pledge, and her take is 18,342.3 against 12,753.9: in this court the same pledgers do far more sustained than as a one-time wave.',
    scenario: asScenario(crespoDocketWave),
  },
  {
    id: 'crespo-city-clock',
    title: crespoCityClock.title,
    description:
      'A lesson on commitment, not a model of a court: the same city under the speedy-trial clock (forcedSpend), where cases come up in arrival order, a refuser must be tried at once or dismissed for good, and the prosecutor holds one storable budget for the whole year. Without a way to commit, her threats are not credible. For how a real court with weekly capacity and a deadline runs, and for Crespo’s wave, see the weekly-docket presets.',
    source: `${CRESPO}, Part I.D (speedy-trial rights make it hard to spread striking defendants "across time") and Part I.A (the system already runs at full capacity).`,
    story:
      'No one pleads, and not because of the pledge. A trial spent now on a 2.1-year case is a 12-year serious trial given up later, so a prosecutor who cannot commit in advance will never carry out her threat against an other felony; every defendant knows it, and every one of them goes free while she tries exactly the 450 serious cases (stop rank 113, the first other felony). Take 5,400 equals the noPlea take with or without the pledge (set the pledged share to 0: same result). This is Selten’s chain store: without commitment no threat is credible. Real courts plead out 90–97% of their cases because capacity comes week by week and is lost if unused, which makes her threats credible: compare the weekly-docket status quo, where 93.6% plead.',
    scenario: asScenario(crespoCityClock),
  },
  {
    id: 'j20',
    title: j20.title,
    description:
      '#J20: 230 inauguration-day protesters charged together with felony riot and conspiracy, in a court system that had held 226 jury trials in the whole preceding year; 52% (120) sign the statement of unity. The prosecutor can spare these cases about a tenth of a year’s jury trials (23) and meets them in docket order.',
    source: `${CRESPO}, Part II (the #J20 prosecution: 230 charged, a statement of unity signed by more than half, 20 guilty pleas, every other case dismissed), citing D.C. Courts, Statistical Summary 12 (2016) (226 jury trials).`,
    story:
      'The 120 signers refuse every offer (breaking the statement costs F = 3, more than the expected sentence 0.2 · 10 = 2). In docket order the first 23 signers use up the 23 trials by rank 43; the 20 non-signers ahead of them plead, and from rank 44 on no threat is credible, so 187 go free: history had 20 pleas and every other case dismissed. Against an optimal ranking the same defendants would give 110 pleas (every non-signer), so the model matches history only because she could not tell or reach the non-signers first. This is a calibration, not a reproduction: the share of the court’s trials these cases could claim (23) was chosen so that the model gives history’s 20 pleas (20 trials give 17, 25 give 22).',
    scenario: asScenario(j20),
  },
  {
    id: 'misdemeanor-bail-fund',
    title: misdemeanorBailFund.title,
    description:
      'A misdemeanor court: 1,000 arraignments, about five weeks’ sentence at trial (0.1 years, p = 0.7) but three months in jail awaiting trial for anyone who refuses (d = 0.25), and 20 trials. 40% sign a pledge, and a bail fund (62.5 years-equivalent) covers the detention of the first 250 pledgers who refuse.',
    source: `${CRESPO}, Part I.C n.56 (starting with misdemeanors; Jenny Roberts, Crashing the Misdemeanor System, 70 Wash. & Lee L. Rev. 1089 (2014)) and Part II n.97 (material assistance, "side payments").`,
    story:
      'Detention dominates: an uncovered defendant pleads even when no trial threatens him, to time served (offer 0.25, more than three times his expected sentence 0.07). The fund flips exactly those it covers: pleading would cost them the bail stipend (0.25) and the pledge (0.8 · 0.1), more than refusing, so the first 20 are tried and the other 230 go free (fund paid 62.5). After rank 48 the court has no trials left, yet 572 unpledged defendants plead to time served and the 150 uncovered pledgers plead at 0.17: take 178.86 against 1.4 from trials alone; with no fund all 1,000 plead.',
    scenario: asScenario(misdemeanorBailFund),
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
