// Writes docs/agreement.schema.json from the zod schema: npx tsx scripts/generate-agreement-schema.ts
import { writeFileSync } from 'node:fs';
import { agreementJsonSchemaText } from '../src/io/agreement-json-schema.js';

writeFileSync(new URL('../docs/agreement.schema.json', import.meta.url), agreementJsonSchemaText());
