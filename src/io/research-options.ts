/** Flags of `sma domain` and `sma tournament`, parsed once at the edge. */
import { z } from 'zod';

const lang = z.enum(['en', 'ko'], { error: 'expected en or ko' }).default('en');

export const domainOptionsSchema = z.object({
  json: z.boolean().default(false),
  to: z.enum(['genius', 'geniusweb', 'negmas'], { error: 'expected genius, geniusweb or negmas' }).optional(),
  out: z.string().optional(),
  lang,
  help: z.boolean().default(false),
});
export type DomainOptions = z.infer<typeof domainOptionsSchema>;
