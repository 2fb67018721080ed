import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agreementJsonSchemaText } from './agreement-json-schema.js';

describe('docs/agreement.schema.json', () => {
  it('equals the JSON Schema generated from the zod schema (run scripts/generate-agreement-schema.ts)', () => {
    const committed = readFileSync(new URL('../../docs/agreement.schema.json', import.meta.url), 'utf8');
    // Compared as JSON: prettier may reflow the committed file.
    expect(JSON.parse(committed)).toEqual(JSON.parse(agreementJsonSchemaText()));
  });

  it('requires id, name, currency and rules, and gives the unit its default of 1', () => {
    const schema = JSON.parse(agreementJsonSchemaText()) as {
      required: string[];
      properties: { unit: { default: number } };
    };
    expect(schema.required).toEqual(['id', 'name', 'currency', 'rules']);
    expect(schema.properties.unit.default).toBe(1);
  });
});
