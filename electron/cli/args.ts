// What every `npm run …` command does with its arguments: parse them, and on a mistake print
// what was wrong with the usage line and exit 2 (1 is kept for "the work itself failed").
import { parseArgs, type ParseArgsConfig } from 'node:util';

export function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

/** parseArgs, or the error and the usage line with exit code 2. */
export function parseOrFail<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    fail(`${(e as Error).message}\n${usage}`);
  }
}
