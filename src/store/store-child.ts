// A separate Node process for the multi-process tests: `node --import tsx store-child.ts <mode> <options JSON> [arg]`.
// Each line on stdout is printed only after the operation it reports has been acknowledged by the store.
import { openStore } from './open-store.js';
import type { OpenStoreOptions } from './open-store.js';

const [mode, optionsJson, arg = ''] = process.argv.slice(2);
const options = JSON.parse(optionsJson ?? '{}') as OpenStoreOptions;
const store = await openStore(options);
const say = (line: string): void => void process.stdout.write(`${line}\n`);

if (mode === 'save-forever') {
  // Saves until killed; the parent SIGKILLs it and then looks for every id printed.
  for (let i = 0; ; i++) {
    const id = `durable-${i}`;
    const saved = await store.saveDocument({
      kind: 'scenario',
      id,
      name: `run ${i}`,
      body: { i, note: 'x'.repeat(200) },
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    say(id);
  }
} else if (mode === 'listen') {
  await store.listen(arg, (payload) => {
    void (async () => {
      const [kind, id] = payload.split('/') as ['scenario', string];
      const document = await store.getDocument(kind, id);
      say(JSON.stringify({ payload, document }));
      await store.close();
    })();
  });
  say('listening');
} else if (mode === 'write') {
  const saved = await store.saveDocument({
    kind: 'scenario',
    name: 'seen elsewhere',
    body: { seats: 300, quorum: 151 },
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  await store.notify(arg, `scenario/${saved.value.id}`);
  say(saved.value.id);
  await store.close();
} else {
  throw new Error(`store-child: unknown mode ${mode}`);
}
