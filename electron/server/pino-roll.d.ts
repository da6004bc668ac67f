// pino-roll ships no types; this is the part of its API the logger uses.
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';
  interface RollOptions {
    file: string | (() => string);
    size?: number | string;
    frequency?: number | 'daily' | 'hourly' | string;
    extension?: string;
    mkdir?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
    symlink?: boolean;
    /** File mode for new log files (passed to SonicBoom). */
    mode?: number;
  }
  interface RollStream extends DestinationStream {
    end(): void;
    flushSync?(): void;
  }
  export default function build(options: RollOptions): Promise<RollStream>;
}
