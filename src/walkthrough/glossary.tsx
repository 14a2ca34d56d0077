// The classroom's glossary: one meaning per term, in plain words, with the symbol beside the word.
// <Term> shows its definition on focus, hover and tap (a button that toggles it), not only on hover.
import './walkthrough.css';
import { useId, useState, type ReactNode } from 'react';

export interface GlossaryEntry {
  term: string;
  symbol?: string;
  meaning: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: 'take',
    symbol: 'Π',
    meaning:
      'The punishment the prosecutor extracts, in years: the pleas she collects plus the expected sentences of the trials she holds.',
  },
  {
    term: 'no-plea take',
    meaning:
      'Her take if there were no plea bargaining at all: only the trials her budget allows. The strike succeeds when her take falls to this.',
  },
  {
    term: 'budget',
    symbol: 'B',
    meaning: 'How many trial units (say, trial-days) the prosecutor can spend on trials: roughly, how many trials she can afford.',
  },
  {
    term: 'trial cost',
    symbol: 'c',
    meaning:
      'What one trial costs the prosecutor, in trial units (say, trial-days) out of her budget. Not the defendant’s sentence: that is the expected trial sentence.',
  },
  {
    term: 'expected trial sentence',
    symbol: 'e',
    meaning: 'What a certain trial costs a defendant: his chance of conviction times the sentence (and any collateral cost).',
  },
  {
    term: 'lever premium',
    symbol: 'L',
    meaning:
      'What the organizing levers add to the cost of pleading: a broken pledge’s penalty and a community sanction, when the plea is seen, and a stipend he gives up.',
  },
  {
    term: 'threatened',
    meaning: 'A defendant is threatened when, if he refused, she still has the budget (and the will) to try him.',
  },
  {
    term: 'stop rank',
    meaning:
      'The first place in her order at which the defendant is not threatened: where the unraveling stops. Everyone after it can refuse without fear of trial (when trials all cost the same).',
  },
  {
    term: 'crash week',
    meaning: 'On a weekly docket, the first week in which a defendant finds no trial date before the deadline: the court has crashed.',
  },
  {
    term: 'equilibrium',
    meaning: 'A situation in which no one can do better by changing only his own choice, given what everyone else does.',
  },
  {
    term: 'divide and conquer (priority)',
    meaning: 'The prosecutor announces an order and tries refusers in that order while her budget lasts, so each in turn faces a certain trial.',
  },
  {
    term: 'lottery',
    meaning: 'All offers are made at once and the refusers who are tried are drawn at random.',
  },
  {
    term: 'speedy-trial clock (forced spend)',
    meaning: 'A refuser must be tried at once or let go for good: she cannot save her threat for later.',
  },
];

export function glossaryEntry(term: string): GlossaryEntry | undefined {
  return GLOSSARY.find((g) => g.term === term);
}

/** A term with its definition on focus, hover and tap. */
export function Term({ term, children }: { term: string; children?: ReactNode }) {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const entry = glossaryEntry(term);
  if (!entry) return <>{children ?? term}</>;
  return (
    <span className={open ? 'term is-open' : 'term'}>
      <button
        type="button"
        className="term-button"
        aria-describedby={`${uid}-d`}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onBlur={() => setOpen(false)}
      >
        {children ?? term}
      </button>
      <span role="tooltip" id={`${uid}-d`} className="term-tip">
        {entry.symbol ? `${entry.term} (${entry.symbol}): ` : `${entry.term}: `}
        {entry.meaning}
      </span>
    </span>
  );
}

export function Glossary() {
  return (
    <dl className="glossary">
      {GLOSSARY.map((g) => (
        <div key={g.term} className="glossary-entry">
          <dt>
            {g.term}
            {g.symbol ? <span className="glossary-symbol"> ({g.symbol})</span> : null}
          </dt>
          <dd>{g.meaning}</dd>
        </div>
      ))}
    </dl>
  );
}
