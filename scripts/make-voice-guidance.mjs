#!/usr/bin/env node
// Adds the kiosk's spoken guidance to the shipped voice packs (resources/voice/<lang>/): per
// language, one clip per kiosk screen instruction and a `guidance` map (screen → clip ids,
// with the "{code}" slot read character by character). Chinese clips are synthesized with
// Debian's espeak-ng (voice "cmn") and encoded with sox, like the display's zh pack
// (scripts/make-voice-pack.mjs); Tibetan and Uyghur clips are listed as "missing" until
// hall staff record them on the admin page. Merges into the existing manifests (keeps every
// other clip and key); run again any time: same input, same output. The generated zh clips
// are committed, so a build needs neither espeak-ng nor sox.
// Usage: node scripts/make-voice-guidance.mjs [--out resources/voice]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { has, rev, speakZh } from './voice-clips.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? process.argv[outArg + 1] : join(root, 'resources', 'voice');

/** Which clips each kiosk screen's speaker button plays. */
export const GUIDANCE = {
  attract: ['guide-attract'],
  // The language screen plays this clip from each of the three packs, each in its own language.
  language: ['guide-language'],
  services: ['guide-services'],
  priority: ['guide-priority'],
  form: ['guide-form'],
  issuing: ['guide-issuing'],
  'issue-failed': ['guide-issue-failed'],
  // "{service}" says the ticket's service when the pack has a clip `service-<id>` for it (the
  // demo hall's services below); for any other service it is left out, never guessed.
  ticket: ['guide-your-number', '{code}', '{service}', 'guide-ticket'],
};

/** The demo hall's services (electron/server/demoHall.ts), said on the ticket screen. */
const SERVICES = {
  'social-insurance': { zh: '社保医保', bo: 'སྤྱི་ཚོགས་འགན་ལེན་དང་གསོ་བཅོས་འགན་ལེན།', ug: 'ئىجتىمائىي سۇغۇرتا ۋە داۋالاش سۇغۇرتىسى' },
  household: { zh: '户籍与居住证', bo: 'ཐེམ་ཐོ་དང་སྡོད་གནས་ལག་འཁྱེར།', ug: 'نوپۇس ۋە تۇرالغۇ گۇۋاھنامىسى' },
  'civil-assistance': { zh: '民政救助', bo: 'དམངས་སྲིད་རོགས་སྐྱོར།', ug: 'خەلق ئىشلىرى ياردىمى' },
  elderly: { zh: '老年服务', bo: 'རྒན་འཁོགས་ཞབས་ཞུ།', ug: 'ياشانغانلار مۇلازىمىتى' },
  enquiries: { zh: '综合咨询', bo: 'སྤྱི་ཁྱབ་འདྲི་རྩད།', ug: 'ئومۇمىي مەسلىھەت' },
  proxy: { zh: '帮办代办', bo: 'ཚབ་སྒྲུབ་ཞབས་ཞུ།', ug: 'ۋاكالىتەن بېجىرىش' },
  'bus-card': { zh: '老年乘车卡年审', bo: 'རྒན་འཁོགས་འགྲུལ་འཁོར་ཁཱ་ཌ་ལོ་འཁོར་ཞིབ་བཤེར།', ug: 'ياشانغانلار ئاپتوبۇس كارتىسىنى يىللىق تەكشۈرۈش' },
  'elevator-retrofit': { zh: '加装电梯', bo: 'གློག་སྐས་ཁ་སྣོན་སྒྲིག་སྦྱོར།', ug: 'لىفت قوشۇپ ئورنىتىش' },
  mediation: { zh: '矛盾纠纷调解', bo: 'རྩོད་གཞི་བར་འདུམ།', ug: 'ماجىرا-نىزالارنى مۇرەسسە قىلىش' },
};

const TEXTS = {
  zh: {
    'guide-attract': '请点击屏幕，开始取号。',
    'guide-language': '中文，请点这里。',
    'guide-services': '请选择您要办理的业务。',
    'guide-priority': '您是否需要优先办理？七十岁以上老人、残疾人、孕妇和军属请选择是，其他人请选择否。',
    'guide-form': '请按提示填写，填好后点下一步。',
    'guide-issuing': '正在出票，请稍候。',
    'guide-issue-failed': '出票没有成功，请再试一次，或者询问工作人员。',
    'guide-your-number': '您的号码是',
    'guide-ticket': '请留意大厅叫号，听到您的号码后，到相应的窗口办理。',
  },
  bo: {
    'guide-attract': 'བྱང་ཤེལ་ལ་གནོན་ནས་ཨང་གྲངས་ལེན་རོགས།',
    'guide-language': 'བོད་ཡིག་ཡིན་ན་འདི་ལ་གནོན་རོགས།',
    'guide-services': 'ཁྱེད་ཀྱིས་སྒྲུབ་དགོས་པའི་ལས་དོན་འདེམས་རོགས།',
    'guide-priority': 'སྔོན་ལ་སྒྲུབ་དགོས་སམ། ལོ་བདུན་ཅུ་ཡན་གྱི་རྒན་པོ། དབང་པོ་སྐྱོན་ཅན། སྦྲུམ་མ། དམག་མིའི་ཁྱིམ་མི་ཡིན་ན་ཡིན་ཞེས་པ་འདེམས། གཞན་རྣམས་ཀྱིས་མིན་ཞེས་པ་འདེམས་རོགས།',
    'guide-form': 'བསྟན་འདོམས་ལྟར་འགེངས་རྗེས་རྗེས་མ་ལ་གནོན་རོགས།',
    'guide-issuing': 'ཨང་འཛིན་པར་བཞིན་ཡོད། ཅུང་ཙམ་སྒུག་རོགས།',
    'guide-issue-failed': 'ཨང་འཛིན་པར་མ་ཐུབ། ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་པའམ་ལས་བྱེད་པར་འདྲི་རོགས།',
    'guide-your-number': 'ཁྱེད་ཀྱི་ཨང་གྲངས་ནི།',
    'guide-ticket': 'ཨང་གྲངས་འབོད་པར་ཡིད་གཟབ་གནང་། རང་གི་ཨང་གྲངས་ཐོས་རྗེས་སྒེའུ་ཁུང་དེར་ཕེབས་རོགས།',
  },
  ug: {
    'guide-attract': 'ئېكراننى بېسىپ نومۇر ئېلىڭ.',
    'guide-language': 'ئۇيغۇرچە ئۈچۈن بۇ يەرنى بېسىڭ.',
    'guide-services': 'بېجىرمەكچى بولغان ئىش تۈرىنى تاللاڭ.',
    'guide-priority': 'ئالدىن بېجىرىش كېرەكمۇ؟ يەتمىش ياشتىن ئاشقان ياشانغانلار، مېيىپلار، ھامىلدارلار ۋە ھەربىي ئائىلە تەۋەلىرى ھەئە نى، باشقىلار ياق نى تاللاڭ.',
    'guide-form': 'كۆرسەتمە بويىچە تولدۇرۇپ، كېيىنكى قەدەمنى بېسىڭ.',
    'guide-issuing': 'نومۇر بېلىتى بېسىلىۋاتىدۇ، سەل ساقلاڭ.',
    'guide-issue-failed': 'نومۇر بېلىتى بېسىلمىدى، قايتا سىناڭ ياكى خادىملاردىن سوراڭ.',
    'guide-your-number': 'نومۇرىڭىز',
    'guide-ticket': 'نومۇر چاقىرىلىشىغا دىققەت قىلىڭ، نومۇرىڭىز چاقىرىلغاندا مۇناسىپ كۆزنەككە بېرىڭ.',
  },
};
for (const [id, names] of Object.entries(SERVICES)) for (const lang of ['zh', 'bo', 'ug']) TEXTS[lang][`service-${id}`] = names[lang];

/** Guidance clips: the screen instructions (guide-*) and the service names (service-*). */
const isGuidanceClip = (id) => id.startsWith('guide-') || id.startsWith('service-');

function merge(lang, made) {
  const file = join(outDir, lang, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const others = manifest.clips.filter((c) => !isGuidanceClip(c.id));
  manifest.clips = [...others, ...made];
  manifest.guidance = GUIDANCE;
  writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
}

function makeZh() {
  if (!has('sox', ['--version'])) throw new Error('sox is needed: apt-get install -y sox');
  if (!has('espeak-ng', ['--version'])) throw new Error('espeak-ng is needed: apt-get install -y espeak-ng');
  const dir = join(outDir, 'zh');
  const tmp = mkdtempSync(join(tmpdir(), 'guidance-'));
  const clips = [];
  try {
    for (const [id, text] of Object.entries(TEXTS.zh)) {
      const wav = join(tmp, `${id}.wav`);
      const ogg = join(dir, `${id}.ogg`);
      // Quality -1 (about 16 kbit/s at 16 kHz mono): long sentences stay small.
      speakZh(text, wav, ogg, { speed: 140, quality: -1 });
      clips.push({ id, text, status: 'present', origin: 'shipped', rev: rev(readFileSync(ogg)) });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  merge('zh', clips);
  return clips.length;
}

function makeMissing(lang) {
  const clips = Object.entries(TEXTS[lang]).map(([id, text]) => ({ id, text, status: 'missing' }));
  merge(lang, clips);
  return clips.length;
}

if (!existsSync(join(outDir, 'zh', 'manifest.json'))) throw new Error(`run scripts/make-voice-pack.mjs first (${outDir})`);
const zh = makeZh();
console.log(JSON.stringify({ out: outDir, zh, bo: makeMissing('bo'), ug: makeMissing('ug') }));
