// The one logger: structured JSON lines on standard output (pino). Access logs carry the request id, method, path
// (never the query string, which may hold search terms or names), status and duration — no personal data.
import { pino } from 'pino';

export type Logger = pino.Logger;

/** destination: where the lines go (tests collect them); standard output by default. */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  const options = { level, base: { service: 'gongkai' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
