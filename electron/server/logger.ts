// JSON-lines logs in <dataDir>/logs, rotated daily or at 10 MB, 14 files kept.
// Tokens, passwords and personal data never reach a log line (redaction as a safety net;
// the code also never passes them).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';

export const REDACT = ['token', 'password', '*.token', '*.password', 'headers.authorization', 'req.headers.authorization', 'body'];

export interface LoggerHandle {
  log: Logger;
  close(): Promise<void>;
}

export async function createLogger(dataDir: string, level = 'info'): Promise<LoggerHandle> {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const stream = await pinoRoll({ file: join(dir, 'hall'), extension: '.log', frequency: 'daily', size: '10m', mkdir: true, limit: { count: 14 } });
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
