import { z } from 'zod';
import { agreementFileSchema } from './agreement-file-schema.js';

/** The JSON Schema of the agreement file, as committed in docs/agreement.schema.json (input side: defaults optional). */
export const agreementJsonSchemaText = (): string => {
  const schema = z.toJSONSchema(agreementFileSchema, { io: 'input', unrepresentable: 'throw' });
  return `${JSON.stringify(
    {
      ...schema,
      $id: 'https://sma-lab.example/agreement.schema.json',
      title: 'SMA Lab agreement file',
      description:
        'An agreement or proposal: currency, rounding unit, base and one rule per year (docs/formats.md). Years 1991-2100; rates with at most 6 decimals.',
    },
    null,
    2,
  )}\n`;
};
