// Draws Compare A/B with the regime comparison's drawing (take bars; plea/tried/free stacks),
// titled and described for A and B.
import type { DrawOptions } from '../common/svg';
import { drawRegimes } from '../regimes/draw';
import { compareTitle, describeCompare, type CompareView } from './data';

export function drawCompare(node: SVGSVGElement, v: CompareView, opts: DrawOptions & { announce?: (t: string) => void }): () => void {
  const cleanup = drawRegimes(node, v.bars, opts);
  node.setAttribute('class', 'hc hc-compare');
  node.setAttribute('data-chart', 'compare');
  // Axis titles name the two scenarios, not regimes; there is no no-plea line to label.
  node.querySelectorAll('.hc-axis-label').forEach((t) => {
    if (t.textContent === 'regime') t.textContent = 'scenario (A pinned, B current)';
  });
  node.querySelectorAll('.hc-legend-item').forEach((g) => {
    if (g.textContent === 'no-plea take') g.remove();
  });
  const title = node.querySelector('title');
  if (title) title.textContent = compareTitle(v);
  const desc = node.querySelector('desc');
  if (desc) desc.textContent = describeCompare(v);
  return cleanup;
}
