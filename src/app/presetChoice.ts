// Which preset the first screen shows: the one the hash names, else the default.
import { PRESETS } from '../presets';

export const DEFAULT_PRESET = 'bgb-priority';

export type Preset = (typeof PRESETS)[number];

export function findPreset(id: string | null): Preset {
  return (
    PRESETS.find((p) => p.id === id) ?? PRESETS.find((p) => p.id === DEFAULT_PRESET) ?? PRESETS[0]
  );
}
