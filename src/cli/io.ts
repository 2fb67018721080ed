/** What a command may touch: its output streams, the environment and the working directory. Tests pass their own. */
export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether stdout is a terminal (colour, progress bars). */
  readonly isTty: boolean;
  /** Whether stderr is a terminal (progress bars). */
  readonly isErrTty: boolean;
}

export function nodeIo(): CliIo {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
    isTty: process.stdout.isTTY === true,
    isErrTty: process.stderr.isTTY === true,
  };
}

/** A CliIo that records what was written, for tests. */
export function captureIo(
  env: Record<string, string | undefined> = {},
  cwd = '.',
): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
    env,
    cwd,
    isTty: false,
    isErrTty: false,
  };
  return io;
}
