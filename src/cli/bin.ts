// The `sma` executable: registers the commands, runs one, exits with its code.
import './commands.js';
import { nodeIo } from './io.js';
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
