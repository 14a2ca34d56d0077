import './export.css';
export { ExportMenu, saveBlob, type ExportMenuProps } from './ExportMenu';
export {
  CONTRACT_NOTE,
  canonicalScenario,
  cliCsvCommand,
  defendantsCsvText,
  fileName,
  provenance,
  resultJsonText,
  scenarioFileText,
  slugify,
  totalsCsvText,
  withSvgMetadata,
  type ExportKind,
} from './exportData';
