// Shared by make-voice-pack.mjs and make-voice-guidance.mjs: the tool check, a clip's
// revision (what the manifest and the pages' caches key on) and the synthetic Chinese speech.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/** Whether a command runs with these arguments (the tools are optional on a developer's machine). */
export function has(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** A clip's revision: the first 12 hex digits of the file's SHA-256. */
export const rev = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 12);

/**
 * Speaks text with espeak-ng's Mandarin voice into wav, then writes 16 kHz mono ogg with the
 * leading and trailing silence trimmed, so clips join into a fluent sentence. quality is sox's
 * -C for Vorbis (left to sox's default when not given).
 */
export function speakZh(text, wav, ogg, { speed, quality }) {
  execFileSync('espeak-ng', ['-v', 'cmn', '-s', String(speed), '-a', '110', '-w', wav, text]);
  const compression = quality === undefined ? [] : ['-C', String(quality)];
  execFileSync('sox', ['-R', '-G', wav, '-r', '16000', '-c', '1', ...compression, ogg, 'silence', '1', '0.01', '0.5%', 'reverse', 'silence', '1', '0.01', '0.5%', 'reverse', 'pad', '0', '0.06']);
}
