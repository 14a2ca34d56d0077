// Every lever declares what it is, so the editor, the docs and the generic registry test can
// walk them (see levers/index.ts).
export interface LeverMeta {
  id: string;
  label: string;
  /** One line: what it does in the model. */
  help: string;
  /** The MODEL.md parameters it reads. */
  parameters: string[];
  citation: string;
}
