// Writes docs/scenario.schema.json from the zod schema of scenario files (src/io/scenario-file.ts); a test keeps it current.
// Then: npx prettier --write docs/scenario.schema.json
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../src/io/scenario-file.js';

writeFileSync(new URL('../docs/scenario.schema.json', import.meta.url), scenarioJsonSchemaText());
