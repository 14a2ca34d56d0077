// Opening a scenario file (picker or drag and drop): read as text, validated like any scenario;
// a file that fails gets every message with its field path and changes nothing.
import { parseScenarioText, type ValidationMessage } from '../engine';
import type { ScenarioInput } from '../engine';

/** Larger files are refused before reading (a 10-million-defendant scenario is a few KB). */
export const MAX_FILE_BYTES = 5_000_000;

export type OpenedFile = { ok: true; name: string; doc: ScenarioInput } | { ok: false; name: string; errors: ValidationMessage[] };

export function scenarioFromText(name: string, text: string): OpenedFile {
  const r = parseScenarioText(text);
  if (!r.ok) return { ok: false, name, errors: r.errors };
  // The document upgraded to the current schemaVersion (the engine's migrate step).
  return { ok: true, name, doc: r.doc };
}

export async function readScenarioFile(file: File): Promise<OpenedFile> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, name: file.name, errors: [{ path: 'file', message: `is ${file.size.toLocaleString('en-US')} bytes; a scenario file is at most ${MAX_FILE_BYTES.toLocaleString('en-US')}`, text: '' }].map((m) => ({ ...m, text: `${m.path}: ${m.message}` })) };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, name: file.name, errors: [{ path: 'file', message: 'could not be read', text: 'file: could not be read' }] };
  }
  return scenarioFromText(file.name, text);
}
