// Voice packs for the hall display's announcements. Shipped packs live in
// resources/voice/<lang>/ (manifest.json + clips); clips recorded by hall staff on the admin
// page live in <dataDir>/voice/<lang>/ and override the shipped ones. Clips are not personal
// data (digits, letters, "please come to counter"), so reading them is public.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ServerContext } from '../../context.js';
import { HttpError } from '../errors.js';
import type { Router } from '../router.js';

export const MAX_CLIP_BYTES = 1024 * 1024;
const LANGS = ['zh', 'bo', 'ug'] as const;
type Lang = (typeof LANGS)[number];

/** Accepted upload types, the file extension each is stored under, and its magic bytes. */
const AUDIO_TYPES: Record<string, { ext: string; sniff: (b: Buffer) => boolean }> = {
  'audio/webm': { ext: '.webm', sniff: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
  'audio/ogg': { ext: '.ogg', sniff: (b) => b.subarray(0, 4).toString('latin1') === 'OggS' },
  'audio/wav': { ext: '.wav', sniff: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE' },
  'audio/mp4': { ext: '.m4a', sniff: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
};
const TYPE_ALIASES: Record<string, string> = { 'audio/x-wav': 'audio/wav', 'audio/wave': 'audio/wav', 'audio/opus': 'audio/ogg' };
const EXT_TYPES: Record<string, string> = { '.webm': 'audio/webm', '.ogg': 'audio/ogg', '.wav': 'audio/wav', '.m4a': 'audio/mp4' };

const ClipSchema = z.object({
  id: z.string().regex(/^[a-z]+(-[a-zA-Z0-9]+)*$/).max(40),
  text: z.string().min(1).max(200),
  status: z.enum(['present', 'tone', 'missing']),
  origin: z.enum(['shipped', 'recorded']).optional(),
  rev: z.string().max(64).optional(),
});
const ManifestSchema = z.object({
  language: z.enum(LANGS),
  source: z.string(),
  pattern: z.array(z.string().max(40)).min(1).max(20),
  // Number words (display/announce.ts numberClipIds): kept, or counters above 9 go back to digits.
  numbers: z
    .object({ words: z.record(z.string().regex(/^[1-9][0-9]{0,2}$/), z.string().max(40)), joiner: z.string().max(40).optional() })
    .optional(),
  clips: z.array(ClipSchema).min(1).max(200),
  // The kiosk's spoken guidance (scripts/make-voice-guidance.mjs): screen → clip ids and "{code}".
  guidance: z.record(z.string().regex(/^[a-z-]{1,40}$/), z.array(z.string().max(40)).min(1).max(12)).optional(),
});
type Manifest = z.infer<typeof ManifestSchema>;
type Clip = z.infer<typeof ClipSchema>;

/** The shipped voice packs: resources/voice of this app (the server was told where that is). */
export function shippedVoiceDir(ctx: ServerContext): string {
  return join(ctx.config.resourcesDir, 'voice');
}

function parseLang(v: string | undefined): Lang {
  const lang = LANGS.find((l) => l === v);
  if (!lang) throw new HttpError(404, 'NOT_FOUND');
  return lang;
}

/** The file holding a clip in dir (any accepted extension), or null. */
async function findClipFile(dir: string, id: string): Promise<string | null> {
  for (const ext of Object.keys(EXT_TYPES)) {
    const f = join(dir, id + ext);
    if (existsSync(f)) return f;
  }
  return null;
}

export function registerVoiceRoutes(router: Router, ctx: ServerContext): void {
  const shippedDir = shippedVoiceDir(ctx);
  const recordedDir = (lang: Lang) => join(ctx.config.dataDir, 'voice', lang);
  const shippedCache = new Map<Lang, Manifest>();

  const shippedManifest = async (lang: Lang): Promise<Manifest> => {
    const cached = shippedCache.get(lang);
    if (cached) return cached;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(shippedDir, lang, 'manifest.json'), 'utf8'));
    } catch {
      throw new HttpError(404, 'NOT_FOUND');
    }
    const m = ManifestSchema.parse(raw);
    shippedCache.set(lang, m);
    return m;
  };

  const clipOf = async (lang: Lang, id: string): Promise<Clip> => {
    const clip = (await shippedManifest(lang)).clips.find((c) => c.id === id);
    if (!clip) throw new HttpError(404, 'NOT_FOUND');
    return clip;
  };

  /** The shipped manifest with this hall's recordings laid over it. */
  const effectiveManifest = async (lang: Lang): Promise<Manifest> => {
    const base = await shippedManifest(lang);
    let recorded: string[] = [];
    try {
      recorded = await readdir(recordedDir(lang));
    } catch {
      recorded = [];
    }
    const clips = await Promise.all(
      base.clips.map(async (c): Promise<Clip> => {
        const file = recorded.find((f) => f.slice(0, f.lastIndexOf('.')) === c.id && EXT_TYPES[f.slice(f.lastIndexOf('.'))]);
        if (!file) return c;
        const s = await stat(join(recordedDir(lang), file));
        return { ...c, status: 'present', origin: 'recorded', rev: `r${Math.round(s.mtimeMs)}-${s.size}` };
      }),
    );
    return { ...base, clips };
  };

  router.add('GET', '/voice/:lang/manifest.json', { access: 'public' }, async (req) => ({
    status: 200,
    json: await effectiveManifest(parseLang(req.params.lang)),
    headers: { 'Cache-Control': 'no-cache' },
  }));

  router.add('GET', '/voice/:lang/:clip', { access: 'public' }, async (req) => {
    const lang = parseLang(req.params.lang);
    const id = (await clipOf(lang, req.params.clip ?? '')).id;
    const file = (await findClipFile(recordedDir(lang), id)) ?? (await findClipFile(join(shippedDir, lang), id));
    if (!file) throw new HttpError(404, 'NOT_FOUND');
    const type = EXT_TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
    return { status: 200, body: await readFile(file), contentType: type, headers: { 'Cache-Control': 'no-cache' } };
  });

  router.add('PUT', '/api/voice/:lang/:clip', { access: ['admin'], maxBody: MAX_CLIP_BYTES, raw: true }, async (req) => {
    const lang = parseLang(req.params.lang);
    const clip = await clipOf(lang, req.params.clip ?? '');
    const declared = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const type = AUDIO_TYPES[TYPE_ALIASES[declared] ?? declared];
    if (!type) throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE');
    const body = req.rawBody;
    if (!body || body.length < 16 || !type.sniff(body)) throw new HttpError(400, 'BAD_REQUEST', { reason: 'not audio of the declared type' });
    const before = (await effectiveManifest(lang)).clips.find((c) => c.id === clip.id);
    const dir = recordedDir(lang);
    await mkdir(dir, { recursive: true });
    // Write then rename, so a display never reads half a clip; then drop other formats of it.
    const target = join(dir, clip.id + type.ext);
    // A name of its own per upload: two uploads of one clip at once must not share a temp file.
    const tmp = `${target}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, target);
    for (const ext of Object.keys(EXT_TYPES)) if (ext !== type.ext) await unlink(join(dir, clip.id + ext)).catch(() => undefined);
    ctx.log.info({ lang, clip: clip.id, bytes: body.length }, 'voice clip recorded');
    const saved = (await effectiveManifest(lang)).clips.find((c) => c.id === clip.id);
    await ctx.audit.record(req.principal, {
      action: 'setup.voice.upload',
      target: `${lang}/${clip.id}`,
      detail: { before: { origin: before?.origin ?? null, rev: before?.rev ?? null }, after: { origin: saved?.origin ?? null, rev: saved?.rev ?? null, type: type.ext, bytes: body.length } },
    });
    return { status: 200, json: saved };
  });

  router.add('DELETE', '/api/voice/:lang/:clip', { access: ['admin'] }, async (req) => {
    const lang = parseLang(req.params.lang);
    const clip = await clipOf(lang, req.params.clip ?? '');
    const before = (await effectiveManifest(lang)).clips.find((c) => c.id === clip.id);
    for (const ext of Object.keys(EXT_TYPES)) await unlink(join(recordedDir(lang), clip.id + ext)).catch(() => undefined);
    const after = (await effectiveManifest(lang)).clips.find((c) => c.id === clip.id);
    await ctx.audit.record(req.principal, {
      action: 'setup.voice.delete',
      target: `${lang}/${clip.id}`,
      detail: { before: { origin: before?.origin ?? null, rev: before?.rev ?? null }, after: { origin: after?.origin ?? null, rev: after?.rev ?? null } },
    });
    return { status: 200, json: after };
  });
}
