// The two screens the shell itself shows, when the hall page cannot be shown: "out of
// service" after repeated crashes, and "connecting" while the hall server is unreachable.
// Built as a data: URL so nothing is read from disk (no file://) and it works with the
// network down. No script at all; the meta CSP forbids everything but inline style.

export type StatusKind = 'maintenance' | 'offline';

interface Text {
  title: string;
  body: string;
}

// Each line in its own script; Uyghur is right-to-left. Reviewed wording lives here only.
const TEXT: Record<StatusKind, { zh: Text; bo: Text; ug: Text }> = {
  maintenance: {
    zh: { title: '暂停服务', body: '本机正在维护，请到服务窗口办理。' },
    bo: { title: 'ཞབས་ཞུ་གནས་སྐབས་མཚམས་འཇོག', body: 'འཕྲུལ་ཆས་འདི་ཉམས་གསོ་བྱེད་བཞིན་ཡོད། ཞབས་ཞུའི་སྒོ་ཁར་ཕེབས་རོགས།' },
    ug: { title: 'مۇلازىمەت ۋاقىتلىق توختىتىلدى', body: 'بۇ ئۈسكۈنە رېمونت قىلىنىۋاتىدۇ، مۇلازىمەت كۆزنىكىگە بېرىڭ.' },
  },
  offline: {
    zh: { title: '正在连接', body: '请稍候，或到服务窗口办理。' },
    bo: { title: 'མཐུད་བཞིན་ཡོད།', body: 'ཏོག་ཙམ་སྒུག་རོགས། ཡང་ན་ཞབས་ཞུའི་སྒོ་ཁར་ཕེབས་རོགས།' },
    ug: { title: 'ئۇلىنىۋاتىدۇ', body: 'سەل ساقلاڭ ياكى مۇلازىمەت كۆزنىكىگە بېرىڭ.' },
  },
};

/** Fonts found on Windows and on Linux distributions used in the region (Noto, UKIJ). */
const FONTS = "'Noto Sans SC','Microsoft YaHei','Noto Serif Tibetan','Microsoft Himalaya','Noto Sans Arabic','UKIJ Tuz','Microsoft Uighur',sans-serif";

export const STATUS_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function statusPageHtml(kind: StatusKind): string {
  const t = TEXT[kind];
  const block = (lang: string, dir: 'ltr' | 'rtl', x: Text) =>
    `<section lang="${lang}" dir="${dir}"><h1>${x.title}</h1><p>${x.body}</p></section>`;
  return [
    '<!doctype html><html lang="zh"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${STATUS_PAGE_CSP}">`,
    `<title>${t.zh.title}</title><style>`,
    `html,body{margin:0;height:100%;background:#0b2545;color:#fff;font-family:${FONTS};user-select:none;cursor:none}`,
    'body{display:flex;flex-direction:column;justify-content:center;gap:48px;padding:0 8vw}',
    'h1{font-size:64px;margin:0 0 12px}p{font-size:36px;margin:0;line-height:1.5}',
    '</style></head><body>',
    block('zh', 'ltr', t.zh),
    block('bo', 'ltr', t.bo),
    block('ug', 'rtl', t.ug),
    '</body></html>',
  ].join('');
}

export function statusPageUrl(kind: StatusKind): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(statusPageHtml(kind))}`;
}
