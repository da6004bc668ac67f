// Five rating faces drawn as small inline SVG (no emoji font is shipped), and the reason
// chips offered for the two lowest levels. Shared by the phone page and the rating pad.
import { h } from './dom.js';
import { phoneText, type Lang } from './text.js';

export const SCORES = [5, 4, 3, 2, 1] as const;
export const REASONS = ['waited_too_long', 'attitude', 'not_solved', 'sent_elsewhere', 'other'] as const;

const SVG = 'http://www.w3.org/2000/svg';
const MOUTH: Record<number, string> = {
  5: 'M14 30 Q24 42 34 30',
  4: 'M15 31 Q24 37 33 31',
  3: 'M15 33 L33 33',
  2: 'M15 35 Q24 29 33 35',
  1: 'M14 37 Q24 25 34 37',
};
const COLOR: Record<number, string> = { 5: '#1e8e3e', 4: '#5bb974', 3: '#f9ab00', 2: '#e8710a', 1: '#d93025' };

export function faceSvg(score: number): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 48 48');
  svg.setAttribute('aria-hidden', 'true');
  const part = (tag: string, attrs: Record<string, string>) => {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    svg.append(el);
  };
  part('circle', { cx: '24', cy: '24', r: '22', fill: COLOR[score]! });
  part('circle', { cx: '17', cy: '19', r: '3', fill: '#fff' });
  part('circle', { cx: '31', cy: '19', r: '3', fill: '#fff' });
  part('path', { d: MOUTH[score]!, stroke: '#fff', 'stroke-width': '3.5', fill: 'none', 'stroke-linecap': 'round' });
  return svg;
}

/**
 * The rating form: a tap on a face of 3 or more submits at once; a low face shows the
 * reason chips and a submit button. onTouch reports any tap (the pad's idle timer).
 */
export function ratingForm(lang: Lang, submit: (score: number, reasons: string[]) => void, onTouch: () => void = () => undefined): HTMLElement {
  const chosen = new Set<string>();
  const reasonBox = h('div', { class: 'reasons', hidden: true, 'data-testid': 'reasons' });
  let low = 0;
  const faces = h(
    'div',
    { class: 'faces' },
    ...SCORES.map((score) =>
      h(
        'button',
        {
          type: 'button',
          class: 'face',
          'data-testid': `face-${score}`,
          onclick: () => {
            onTouch();
            if (score >= 3) return submit(score, []);
            low = score;
            for (const b of faces.querySelectorAll('.face')) b.classList.toggle('chosen', b === faces.children[SCORES.indexOf(score)]);
            reasonBox.hidden = false;
          },
        },
        faceSvg(score),
        h('span', {}, phoneText(lang, `score.${score}`)),
      ),
    ),
  );
  reasonBox.append(
    h('p', {}, phoneText(lang, 'reasonsTitle')),
    ...REASONS.map((r) => {
      const chip: HTMLButtonElement = h('button', {
        type: 'button',
        class: 'chip',
        'data-testid': `reason-${r}`,
        onclick: () => {
          onTouch();
          if (chosen.has(r)) chosen.delete(r);
          else chosen.add(r);
          chip.classList.toggle('chosen', chosen.has(r));
        },
      }, phoneText(lang, `reason.${r}`));
      return chip;
    }),
    h('button', { type: 'button', class: 'submit', 'data-testid': 'submit-rating', onclick: () => (onTouch(), submit(low, [...chosen])) }, phoneText(lang, 'submit')),
  );
  return h('section', { class: 'rating' }, h('h2', {}, phoneText(lang, 'rateTitle')), faces, reasonBox);
}
