// The classroom pieces the header opens: the presets gallery and the guided tour.
import { PresetGallery } from '../components/gallery';
import { Walkthrough, type TabName } from '../walkthrough';
import type { Workbench } from './useWorkbench';

export type ClassroomOpen = 'gallery' | 'tour' | null;

const TAB_KEYS: Record<TabName, string> = {
  Result: 'result',
  Sweep: 'sweep',
  'Phase diagram': 'phase',
  Regimes: 'regimes',
  'Compare A/B': 'compare',
};

export function ClassroomSlot({
  open,
  onClose,
  wb,
  onTab,
}: {
  open: ClassroomOpen;
  onClose: () => void;
  wb: Workbench;
  onTab: (tab: string) => void;
}) {
  return (
    <>
      <PresetGallery
        open={open === 'gallery'}
        currentId={wb.edited ? null : wb.presetId}
        onChoose={(p) => {
          wb.choosePreset(p.id);
          onClose();
        }}
        onClose={onClose}
      />
      <Walkthrough
        open={open === 'tour'}
        onClose={onClose}
        onLoadPreset={wb.choosePreset}
        onGoToTab={(t) => onTab(TAB_KEYS[t])}
      />
    </>
  );
}
