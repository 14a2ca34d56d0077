import '../components.css';
export { ScenarioEditor, type ScenarioEditorProps } from './ScenarioEditor';
export { ScenarioEditorPanel, type ScenarioEditorPanelProps } from './ScenarioEditorPanel';
export { JsonView, type JsonViewProps, scenarioFileName, toJson } from './JsonView';
export { useScenarioDraft, primeDraftCheck, type ScenarioDraft } from './useScenarioDraft';
export {
  scenarioFields,
  sectionFields,
  groupFields,
  fieldByPath,
  fieldPath,
  type FieldDescriptor,
  type FieldKind,
} from './fields';
