import './gallery.css';
export {
  PresetGallery,
  defendantCount,
  presetGlance,
  presetTags,
  type PresetGalleryProps,
} from './PresetGallery';
