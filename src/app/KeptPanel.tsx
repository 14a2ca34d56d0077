// A tab's content kept mounted while another tab shows (issue 11: at 10,000 groups, building the
// Result tab again cost a long task on each switch back). While `active` is false it does not
// re-render: a hidden tab draws nothing and computes nothing for each edit, and catches up in one
// update (not a remount) when shown again. Its panel is `hidden`, so out of the accessibility
// tree; the charts keep their last measured width (ChartFrame ignores the hidden 0 width).
import { memo, type ReactNode } from 'react';

export interface KeptProps {
  active: boolean;
  children: ReactNode;
}

export const Kept = memo(
  function Kept({ children }: KeptProps) {
    return children;
  },
  (_prev, next) => !next.active,
);
