// The ticket as a 1-bit raster, drawn with Skia (@napi-rs/canvas) so Tibetan stacks and
// Uyghur joining/RTL are shaped by HarfBuzz, then thresholded. Two passes: measure every
// line's real ink extents first (Tibetan stacks reach far below the baseline, so font
// metrics are not enough), then draw on a canvas exactly as tall as the ticket.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { Language } from '../core/model.js';
import { hallDay, hallTime } from '../core/numbering.js';
import { thresholdRgba, type Bitmap } from './bitmap.js';
import { familyStack, registerTicketFonts } from './fonts.js';
import { label } from './labels.js';
import { wrapText } from './lineBreak.js';
import type { TicketPrintData } from './ticketData.js';

export const PAPER_WIDTHS = [576, 384] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

interface TextBlock {
  kind: 'text';
  text: string;
  lang: Language | 'latin';
  size: number;
  bold: boolean;
}
type Block = TextBlock | { kind: 'rule' } | { kind: 'gap'; px: number } | { kind: 'qr'; data: string; module: number };

/** A measured, wrapped line ready to draw at (x, baseline). */
interface Placed {
  draw(ctx: SKRSContext2D): void;
  line?: TextLine;
}

/** Where a text line's ink lies (for tests and diagnostics: a line must never come out blank). */
export interface TextLine {
  text: string;
  lang: Language | 'latin';
  top: number;
  bottom: number;
}

interface Geometry {
  margin: number;
  scale: number;
}

function geometry(width: PaperWidth): Geometry {
  // 58 mm paper keeps text a bit larger than pure proportion: 17-dot Tibetan is unreadable.
  return width === 576 ? { margin: 16, scale: 1 } : { margin: 10, scale: 0.75 };
}

/** Tibetan letters sit small in their em box; enlarge them to match the Chinese lines. */
function sizeFor(lang: Language | 'latin', px: number): number {
  return Math.round(lang === 'bo' ? px * 1.2 : px);
}

function fontFor(b: TextBlock): string {
  return `${b.bold ? 'bold ' : ''}${sizeFor(b.lang, b.size)}px ${familyStack(b.lang)}`;
}

function setText(ctx: SKRSContext2D, b: TextBlock): void {
  ctx.font = fontFor(b);
  ctx.direction = b.lang === 'ug' ? 'rtl' : 'ltr';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
}

/** Resident's language first, then Chinese (once, when the resident reads Chinese). */
function languagesOf(d: TicketPrintData): Language[] {
  return d.language === 'zh' ? ['zh'] : [d.language, 'zh'];
}

function blocks(d: TicketPrintData, g: Geometry): Block[] {
  const s = (px: number): number => Math.round(px * g.scale);
  const langs = languagesOf(d);
  const when = `${hallDay(d.issuedAt, d.timeZone)} ${hallTime(d.issuedAt, d.timeZone)}`;
  const out: Block[] = [];
  const text = (lang: Language | 'latin', t: string, size: number, bold = false): void => {
    out.push({ kind: 'text', text: t, lang, size: s(size), bold });
  };
  for (const l of langs) text(l, d.hallName[l], 26, true);
  out.push({ kind: 'gap', px: s(6) }, { kind: 'rule' }, { kind: 'gap', px: s(10) });
  text('latin', d.code, 150, true);
  if (d.priority || d.kind === 'test') {
    for (const l of langs) text(l, label(l, d.kind === 'test' ? 'testPrint' : 'priority'), 26, true);
  }
  out.push({ kind: 'gap', px: s(10) });
  for (const l of langs) text(l, d.serviceNames[l], l === d.language ? 34 : 30, true);
  out.push({ kind: 'gap', px: s(12) }, { kind: 'rule' }, { kind: 'gap', px: s(10) });
  for (const l of langs) text(l, label(l, 'ahead', { n: d.ahead }), 26);
  out.push({ kind: 'gap', px: s(6) });
  for (const l of langs) text(l, label(l, 'wait', { n: d.waitMinutes }), 26);
  out.push({ kind: 'gap', px: s(6) });
  for (const l of langs) text(l, label(l, 'issuedAt', { time: when }), 22);
  out.push({ kind: 'gap', px: s(14) });
  out.push({ kind: 'qr', data: d.reference, module: d.reference.length > 60 ? s(4) : s(5) });
  out.push({ kind: 'gap', px: s(6) });
  text('latin', d.reference, 16);
  out.push({ kind: 'gap', px: s(10) });
  for (const l of langs) text(l, label(l, 'keep'), 22);
  out.push({ kind: 'gap', px: s(24) });
  return out;
}

/** Measures and places every block; returns the drawing steps and the total height. */
function place(ctx: SKRSContext2D, list: Block[], width: PaperWidth, g: Geometry): { steps: Placed[]; height: number } {
  const steps: Placed[] = [];
  const inner = width - 2 * g.margin;
  let y = g.margin;
  for (const b of list) {
    if (b.kind === 'gap') {
      y += b.px;
    } else if (b.kind === 'rule') {
      const top = y;
      steps.push({ draw: (c) => c.fillRect(g.margin, top, inner, 2) });
      y += 2;
    } else if (b.kind === 'qr') {
      const qr = QRCode.create(b.data, { errorCorrectionLevel: 'M' });
      const n = qr.modules.size;
      const side = n * b.module;
      const left = Math.floor((width - side) / 2);
      const top = y;
      steps.push({
        draw: (c) => {
          for (let r = 0; r < n; r++) {
            for (let col = 0; col < n; col++) {
              if (qr.modules.get(r, col)) c.fillRect(left + col * b.module, top + r * b.module, b.module, b.module);
            }
          }
        },
      });
      y += side;
    } else {
      setText(ctx, b);
      const lang = b.lang === 'latin' ? 'zh' : b.lang;
      for (const line of wrapText(b.text, lang, inner, (t) => ctx.measureText(t).width)) {
        const m = ctx.measureText(line);
        const ascent = Math.ceil(m.actualBoundingBoxAscent);
        const descent = Math.ceil(m.actualBoundingBoxDescent);
        const inkWidth = m.actualBoundingBoxLeft + m.actualBoundingBoxRight;
        // Centre the ink, not the advance box: Arabic and Tibetan side bearings differ a lot.
        const x = Math.round((width - inkWidth) / 2 + m.actualBoundingBoxLeft);
        const baseline = y + ascent;
        steps.push({
          draw: (c) => {
            setText(c, b);
            c.fillText(line, x, baseline);
          },
          line: { text: line, lang: b.lang, top: baseline - ascent, bottom: baseline + descent },
        });
        y = baseline + descent + Math.max(4, Math.round(b.size * 0.25));
      }
    }
  }
  return { steps, height: y + g.margin };
}

let scratch: SKRSContext2D | null = null;

/** Renders the ticket for a paper width (576 dots = 80 mm, 384 dots = 58 mm). Deterministic. */
export function renderTicket(d: TicketPrintData, width: PaperWidth): Bitmap {
  return layoutTicket(d, width).bitmap;
}

/** The raster plus where each text line landed. */
export function layoutTicket(d: TicketPrintData, width: PaperWidth): { bitmap: Bitmap; lines: TextLine[] } {
  registerTicketFonts();
  const g = geometry(width);
  scratch ??= createCanvas(8, 8).getContext('2d');
  const { steps, height } = place(scratch, blocks(d, g), width, g);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  for (const s of steps) s.draw(ctx);
  const bitmap = thresholdRgba(ctx.getImageData(0, 0, width, height).data, width, height);
  return { bitmap, lines: steps.flatMap((s) => (s.line ? [s.line] : [])) };
}
