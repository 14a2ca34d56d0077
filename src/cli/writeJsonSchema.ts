// npm run schema: write the scenario's JSON Schema (generated from the zod schema) to a file.
//   tsx src/cli/writeJsonSchema.ts public/scenario.schema.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { scenarioJsonSchema } from '../engine';

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: tsx src/cli/writeJsonSchema.ts OUTPUT.json\n');
  process.exitCode = 2;
} else {
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  } catch (e) {
    process.stderr.write(
      `holdout schema: cannot write ${out}: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exitCode = 1;
  }
}
