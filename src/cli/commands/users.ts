/**
 * `sma users add NAME [--role admin|member]`: a local account of the server, the password read from standard input
 * (so it is in no shell history nor process list), stored as a scrypt hash in the server's store (DATABASE_URL or
 * SMA_DATA_DIR, as the server reads them).
 */
import { text } from 'node:stream/consumers';
import { z } from 'zod';
import { openStore } from '../../store/index.js';
import { hashPassword } from '../../server/passwords.js';
import { CliFailure, EXIT_OK, usageError } from '../errors.js';
import { parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';

const USAGE = `Usage: sma users add NAME [--role admin|member]

Adds an account to the server's store (DATABASE_URL, else SMA_DATA_DIR, as the server reads them); the password is
read from standard input, e.g.  printf '%s' "$PASSWORD" | sma users add ms-kim --role admin
`;

const optionsSchema = z.object({ role: z.enum(['admin', 'member']).default('member'), help: z.boolean().optional() });
const nameSchema = z.string().regex(/^[\p{L}\p{N}._@-]{1,100}$/u, 'a name of letters, digits and . _ @ -');

export async function run(
  argv: readonly string[],
  io: CliIo,
  readPassword = () => text(process.stdin),
): Promise<number> {
  const { values: o, positionals } = parseFlags(
    argv,
    { role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    optionsSchema,
  );
  if (o.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const [verb, name, ...rest] = positionals;
  if (verb !== 'add' || name === undefined || rest.length > 0) throw usageError('expected: sma users add NAME');
  const parsedName = nameSchema.safeParse(name);
  if (!parsedName.success)
    throw usageError(`the name '${name}' is not ${parsedName.error.issues[0]?.message ?? 'valid'}`);
  // One trailing newline (from echo or a terminal) is not part of the password.
  const password = (await readPassword()).replace(/\r?\n$/, '');
  if (password.length < 10) {
    throw new CliFailure([
      { code: 'cli/usage', message: 'the password on standard input must have at least 10 characters' },
    ]);
  }
  const databaseUrl = io.env['DATABASE_URL'] || undefined;
  const store = await openStore({
    ...(databaseUrl ? { databaseUrl } : { dataDir: io.env['SMA_DATA_DIR'] || '.sma-data' }),
    env: {},
  });
  try {
    const created = await store.createUser({ name, role: o.role, passwordHash: await hashPassword(password) });
    if (!created.ok)
      throw new CliFailure([{ code: 'cli/usage', message: `an account named '${name}' already exists` }]);
    io.stdout(`added ${o.role} '${name}'\n`);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
