// The command line's view of the outside world, injected so commands can be tested in-process.

export interface Io {
  /** A line (or lines) to standard output; a newline is added. */
  stdout(text: string): void;
  stdoutRaw(data: Uint8Array | string): void;
  /** A line to standard error; a newline is added. */
  stderr(text: string): void;
  stderrRaw(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stdoutRaw: (data) => process.stdout.write(data),
  stderr: (text) => process.stderr.write(`${text}\n`),
  stderrRaw: (text) => process.stderr.write(text),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

/** Collects output in memory (tests). */
export function memoryIo(): Io & { out: string; err: string; bytes: Uint8Array[] } {
  const io = {
    out: '',
    err: '',
    bytes: [] as Uint8Array[],
    stdout: (text: string) => {
      io.out += `${text}\n`;
    },
    stdoutRaw: (data: Uint8Array | string) => {
      if (typeof data === 'string') io.out += data;
      else io.bytes.push(data);
    },
    stderr: (text: string) => {
      io.err += `${text}\n`;
    },
    stderrRaw: (text: string) => {
      io.err += text;
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  return io;
}
