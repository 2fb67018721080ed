// Placeholder entry point: replaced by the `sma` command line.
process.stdout.write('sma: SMA Lab command line\n');
