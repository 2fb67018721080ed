// The `sma` executable: registers the commands, runs one, exits with its code.
import './commands.js';
import { nodeIo } from './io.js';
import { runCli } from './main.js';

// A reader that stops early (`sma agreements | head -1`) closes the pipe: that is the end of the output, not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
