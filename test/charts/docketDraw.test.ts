// @vitest-environment jsdom
// The docket chart drawn into a DOM: accessible root, marks per week, capacity and backlog, the
// crash and recovery rules, readable fonts, and the keyboard (Enter lists a week's defendants).
import { afterEach, describe, expect, it } from 'vitest';
import { drawDocket } from '../../src/charts/docket/draw';
import { docketView } from '../../src/charts/docket/data';
import { E11B_DOCKET, E11D_DOCKET, longDocket } from './docketFixtures';

function svgEl(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.appendChild(svg);
  return svg;
}

afterEach(() => {
  document.body.innerHTML = '';
});

function fontsReadable(svg: SVGSVGElement): void {
  for (const m of svg.outerHTML.matchAll(/font-size(?:=|:)"?\s*(\d+(?:\.\d+)?)/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(13);
}

describe('docket chart drawing', () => {
  it('E11d: role, title, description; stacked marks; capacity line; crash and recovery rules', () => {
    const svg = svgEl();
    drawDocket(svg, docketView(E11D_DOCKET), { width: 640, height: 460, id: 'd' });
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('d-title d-desc');
    expect(svg.querySelector('title')?.textContent).toBe('The weekly docket: 4 weeks of arrivals by outcome, trials held and the backlog');
    expect(svg.querySelector('desc')?.textContent).toContain('The calendar crashes in week 1');
    // Week 0: 2 pleas; week 1: plea, tried, free; weeks 2 and 3: pleas → 6 rects.
    expect(svg.querySelectorAll('.hc-docket-arrivals .hc-mark')).toHaveLength(6);
    expect(svg.querySelectorAll('.hc-docket-arrivals .hc-mark.hc-free')).toHaveLength(1);
    expect(svg.querySelectorAll('.hc-units-used')).toHaveLength(5);
    expect(svg.querySelector('.hc-capacity-line')).not.toBeNull();
    expect(svg.querySelector('.hc-backlog-line')).not.toBeNull();
    expect(svg.querySelector('.hc-crash-week text')?.textContent).toBe('week 1: the first defendant finds no trial date before his deadline');
    expect(svg.querySelector('.hc-recovery-week text')?.textContent).toBe('week 2: the calendar recovers (no one arriving from here goes free)');
    // Panels too short for a long axis title take the short one, never a squeezed one.
    const titles = [...svg.querySelectorAll('.hc-axis-label')];
    expect(titles.map((t) => t.textContent)).toEqual(['arrivals', 'units', 'backlog', 'Week (0 = the first week of arrivals)']);
    expect(titles.filter((t) => t.hasAttribute('textLength'))).toHaveLength(0);
    fontsReadable(svg);
  });

  it('E11d: no rule runs through the words of a label (a label across its own rule starts the rule below the labels; a lower row is backed)', () => {
    for (const width of [420, 640, 1280]) {
      const svg = svgEl();
      drawDocket(svg, docketView(E11D_DOCKET), { width, height: 460, id: `w${width}` });
      const crash = svg.querySelector('.hc-crash-week')!;
      const recovery = svg.querySelector('.hc-recovery-week')!;
      const y = (el: Element, a: string) => Number(el.getAttribute(a));
      const crashLine = crash.querySelector('line')!;
      const recoveryText = recovery.querySelector('text')!;
      // The recovery label's row lies below the crash label's row.
      expect(y(recoveryText, 'y')).toBeGreaterThan(y(crash.querySelector('text')!, 'y'));
      // Where the crash rule reaches up into the recovery row, across the label's words, a backing
      // box drawn after the rule (in the later group) covers the row there.
      const x = y(crashLine, 'x1');
      const box = recovery.querySelector('rect.hc-bg');
      if (y(crashLine, 'y1') < y(recoveryText, 'y') && box) {
        if (x >= y(box, 'x') && x <= y(box, 'x') + y(box, 'width')) {
          expect(y(box, 'y')).toBeLessThanOrEqual(y(recoveryText, 'y') - 13);
          expect(y(box, 'y') + y(box, 'height')).toBeGreaterThanOrEqual(y(recoveryText, 'y'));
        }
      }
      // A crash label drawn across its own rule: the rule starts below the label rows.
      const crashText = crash.querySelector('text')!;
      const crashBox = { x0: Number(crashText.getAttribute('x')), anchor: crashText.getAttribute('text-anchor') };
      if (crashBox.anchor === 'start' && crashBox.x0 < x && x - crashBox.x0 < 200) expect(y(crashLine, 'y1')).toBeGreaterThan(y(recoveryText, 'y'));
      svg.remove();
    }
  });

  it('weeks not reached are outlined in the axis colour when wide enough to read', () => {
    const svg = svgEl();
    drawDocket(svg, docketView(E11D_DOCKET), { width: 640, height: 460, id: 'f', reveal: { upTo: 0, cursorLo: 0, cursorHi: 0 } });
    const future = [...svg.querySelectorAll('.hc-future')];
    expect(future.length).toBeGreaterThan(0);
    for (const f of future) {
      expect(f.getAttribute('stroke')).toBeTruthy();
      expect(Number(f.getAttribute('stroke-width'))).toBe(1);
    }
  });

  it('E11b: a crash without recovery', () => {
    const svg = svgEl();
    drawDocket(svg, docketView(E11B_DOCKET), { width: 640, height: 460, id: 'b' });
    expect(svg.querySelector('.hc-crash-week')).not.toBeNull();
    expect(svg.querySelector('.hc-recovery-week')).toBeNull();
  });

  it('520 weeks and a million defendants: at most 130 columns drawn, grouped ticks', () => {
    const svg = svgEl();
    drawDocket(svg, docketView(longDocket(520, 8, 1923, 9)), { width: 1200, height: 460, id: 'l' });
    expect(svg.querySelectorAll('.hc-units-used')).toHaveLength(106);
    expect(svg.querySelectorAll('.hc-docket-arrivals .hc-mark').length).toBeLessThanOrEqual(2 * 106);
    const ticks = [...svg.querySelectorAll('.hc-docket-arrivals .tick text')].map((t) => t.textContent);
    expect(ticks).toEqual(['0', '5,000', '10,000']);
    fontsReadable(svg);
  });

  it('the player’s frame: weeks after it outlined, units and backlog up to it, the crash only once reached, the deadline window', () => {
    const v = docketView(E11D_DOCKET);
    const at = (upTo: number) => {
      document.body.innerHTML = '';
      const svg = svgEl();
      drawDocket(svg, v, { width: 640, height: 460, id: 'p', reveal: { upTo, cursorLo: upTo, cursorHi: upTo } });
      return svg;
    };
    let svg = at(0);
    // Weeks 1–3 have arrivals not yet reached; week 4 has none.
    expect([...svg.querySelectorAll('.hc-docket-arrivals .hc-mark.hc-future')].map((m) => m.getAttribute('data-week'))).toEqual(['1', '2', '3']);
    expect(svg.querySelectorAll('.hc-docket-arrivals .hc-mark:not(.hc-future)')).toHaveLength(1);
    expect(svg.querySelectorAll('.hc-units-used')).toHaveLength(1);
    expect(svg.querySelector('.hc-crash-week')).toBeNull();
    expect(svg.querySelector('.hc-deadline-label')?.textContent).toBe('deadline: week 1');
    expect(svg.querySelector('.hc-cursor')).not.toBeNull();
    svg = at(1);
    expect(svg.querySelectorAll('.hc-units-used')).toHaveLength(2);
    expect(svg.querySelector('.hc-crash-week text')?.textContent).toBe('week 1: the first defendant finds no trial date before his deadline');
    expect(svg.querySelector('.hc-recovery-week')).toBeNull();
    expect(svg.querySelector('.hc-deadline-label')?.textContent).toBe('deadline: week 2');
    svg = at(2);
    expect(svg.querySelector('.hc-recovery-week')).not.toBeNull();
    // The tail week (no arrivals): the box, no deadline window.
    svg = at(4);
    expect(svg.querySelectorAll('.hc-future')).toHaveLength(0);
    expect(svg.querySelector('.hc-deadline-line')).toBeNull();
    expect(svg.querySelector('.hc-cursor')).not.toBeNull();
    fontsReadable(svg);
  });

  it('keyboard: focus shows week 0, arrows move, Enter reports the week; announces the lines', () => {
    const svg = svgEl();
    const picked: [number, number][] = [];
    const said: string[] = [];
    drawDocket(svg, docketView(E11D_DOCKET), { width: 640, height: 460, id: 'k', onSelectWeeks: (lo, hi) => picked.push([lo, hi]), announce: (t) => said.push(t) });
    const overlay = svg.querySelector<SVGRectElement>('.hc-overlay');
    expect(overlay?.getAttribute('tabindex')).toBe('0');
    overlay?.dispatchEvent(new FocusEvent('focus'));
    expect(said.at(-1)).toMatch(/^Week 0; 2 arrivals: 2 pleaded/);
    overlay?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    expect(said.at(-1)).toMatch(/^Week 1; 5 arrivals/);
    overlay?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(picked).toEqual([[1, 1]]);
  });
});
