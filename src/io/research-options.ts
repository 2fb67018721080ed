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

const count = (what: string, min: number) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int(`expected a whole number of ${what}`)
    .min(min, `expected at least ${min} ${what}`);

export const tournamentOptionsSchema = z.object({
  domain: z.array(z.string()).min(1, 'expected at least one --domain'),
  strategies: z.string().default('boulware,linear,conceder,hardliner,micro,nice-tit-for-tat'),
  reps: count('repetitions', 1).default(1),
  seed: z.coerce.number({ error: 'expected a seed (an integer)' }).int('expected an integer seed').default(1),
  deadline: count('steps', 1).default(100),
  mode: z.enum(['alternating', 'rounds'], { error: 'expected alternating or rounds' }).default('alternating'),
  workers: count('workers', 0).default(0),
  results: z.string().optional(),
  remote: z.url({ protocol: /^https?$/, error: 'expected the http(s) URL of an SMA Lab server' }).optional(),
  traces: z.boolean().default(false),
  json: z.boolean().default(false),
  csv: z.boolean().default(false),
  lang,
  help: z.boolean().default(false),
});
export type TournamentOptions = z.infer<typeof tournamentOptionsSchema>;
