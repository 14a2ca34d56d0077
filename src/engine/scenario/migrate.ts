// The migration seam: every scenario document, from a file, a link, the library, the autosaved
// draft or the command line, passes through `migrateScenario` before it is validated
// (parse.ts calls it), so a document written for an older `schemaVersion` is upgraded to the
// current shape in one place, and one written for a newer version says why it cannot open.
//
// History of the format (docs/model-notes.md, "Scenario versions"): version 1 is the only
// version there has been. MODEL.md revision 4 (the weekly docket) added optional fields only
// (`docket`, `groups[].firstWeek`, `lastWeek`, `detentionPerWeek`; `prosecutor.budget` optional
// under the docket), so every file written before it is a version 1 file and opens unchanged.
// A change that is not additive bumps SCHEMA_VERSION and appends one step to MIGRATIONS.
// Pure TypeScript: no DOM, no Node.

/** The scenario format this engine reads and writes (MODEL.md §6). */
export const SCHEMA_VERSION = 1;

/** One step of the upgrade: a document of version `from` becomes one of version `from + 1`. */
export interface MigrationStep {
  from: number;
  /** What changed, in words (shown by `npm run solve` on standard error and in the notes). */
  note: string;
  /** Must not modify its argument: return a new object. */
  up(doc: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** Ordered by `from`: the step from version n is MIGRATIONS[n − 1]. Empty while 1 is the only version. */
export const MIGRATIONS: readonly MigrationStep[] = [];

/** A message naming the field path (the same shape as parse.ts's ValidationMessage). */
export interface MigrationMessage {
  path: string;
  message: string;
  text: string;
}

export type Migrated =
  | {
      ok: true;
      /** The document in the current shape (the input itself when nothing had to change). */
      doc: unknown;
      /** The version it was written for, when it was upgraded; absent when it was current. */
      migratedFrom?: number;
      /** The notes of the steps applied, oldest first. */
      notes: string[];
    }
  | { ok: false; errors: MigrationMessage[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const versionMessage = (message: string): MigrationMessage => ({
  path: 'schemaVersion',
  message,
  text: `schemaVersion: ${message}`,
});

/**
 * Upgrade a scenario document to the current `schemaVersion`. Never throws. A document that is
 * not an object, or whose `schemaVersion` is missing, not an integer or below every known
 * version, is passed on unchanged: validation then names what is wrong. A version newer than
 * `current` is refused with a message naming `schemaVersion`. `steps` and `current` are for tests.
 */
export function migrateScenario(
  input: unknown,
  steps: readonly MigrationStep[] = MIGRATIONS,
  current: number = SCHEMA_VERSION,
): Migrated {
  if (!isRecord(input)) return { ok: true, doc: input, notes: [] };
  const v = input.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v)) return { ok: true, doc: input, notes: [] };
  if (v > current) {
    return {
      ok: false,
      errors: [
        versionMessage(
          `must be ${current === 1 ? '1' : `at most ${current}`}, got ${v}: the scenario was written by a newer Holdout than this one; open it with a version that reads schemaVersion ${v}`,
        ),
      ],
    };
  }
  if (v === current) return { ok: true, doc: input, notes: [] };
  let doc: Record<string, unknown> = input;
  const notes: string[] = [];
  for (let at = v; at < current; at++) {
    const step = steps.find((s) => s.from === at);
    // No way up from here (a version that never existed): validation says what it must be.
    if (!step) return { ok: true, doc: input, notes: [] };
    try {
      doc = { ...step.up(doc), schemaVersion: at + 1 };
    } catch (e) {
      return {
        ok: false,
        errors: [
          versionMessage(
            `is ${v}: upgrading it from version ${at} to ${at + 1} failed (${e instanceof Error ? e.message : String(e)})`,
          ),
        ],
      };
    }
    notes.push(step.note);
  }
  return { ok: true, doc, migratedFrom: v, notes };
}

/**
 * The document in the current shape when it can be upgraded, else the input unchanged: for a
 * draft that is loaded into the editor whatever its problems (validation shows them).
 */
export function upgradeScenario<T>(input: T): T {
  const m = migrateScenario(input);
  return m.ok ? (m.doc as T) : input;
}
