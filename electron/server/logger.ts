// JSON-lines logs in <dataDir>/logs, rotated daily or at 10 MB, 14 files kept.
// Tokens, passwords and personal data never reach a log line (redaction as a safety net;
// the code also never passes them).
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import { makePrivateDir } from './privateFiles.js';

export const REDACT = ['token', 'password', '*.token', '*.password', 'headers.authorization', 'req.headers.authorization', 'body'];

export interface LoggerHandle {
  log: Logger;
  close(): Promise<void>;
}

export async function createLogger(dataDir: string, level = 'info'): Promise<LoggerHandle> {
  const dir = join(dataDir, 'logs');
  makePrivateDir(dir);
  // mode: new log files (and each rotated one) are 0600; SonicBoom takes it from these options.
  const stream = await pinoRoll({ file: join(dir, 'hall'), extension: '.log', frequency: 'daily', size: '10m', mkdir: true, limit: { count: 14 }, mode: 0o600 });
  const log = pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { pid: process.pid } }, stream);
  return {
    log,
    close: () =>
      new Promise<void>((resolve) => {
        log.flush(() => {
          // Late lines (a request finishing during shutdown) are dropped, not thrown.
          log.level = 'silent';
          stream.end();
          resolve();
        });
      }),
  };
}
