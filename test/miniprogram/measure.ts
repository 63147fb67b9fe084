// What a reader of the page on screen meets, measured in the browser: the font size of every visible
// text, input and placeholder; the height of every tap target; the contrast of text and of input and
// chip borders against the background they are drawn on (WCAG 2.1 relative luminance); and how wide
// the document is. Disabled controls are left out of contrast (WCAG 1.4.3: inactive components).
import type { Page } from 'playwright-core';

export interface Found {
  value: number;
  what: string;
}

interface Raw {
  large: boolean;
  fonts: Found[];
  taps: Found[];
  texts: Found[];
  borders: Found[];
  scrollWidth: number;
}

export interface Measured {
  large: boolean;
  minFont: Found;
  minTap: Found;
  minText: Found;
  minBorder: Found;
  /** Texts under 24 px. */
  small: string[];
  lowTaps: (min: number) => string[];
  lowText: string[];
  lowBorders: string[];
  scrollWidth: number;
}

const least = (list: Found[]): Found =>
  list.reduce((a, b) => (b.value < a.value ? b : a), { value: Infinity, what: '' } as Found);
const label = (f: Found) => `${f.what}: ${Math.round(f.value * 100) / 100}`;

export async function measurePage(page: Page): Promise<Measured> {
  const raw: Raw = await page.evaluate(() => {
    const root = [...document.querySelectorAll('[data-testid=page]')].find((el) => el.getClientRects().length > 0)!;
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const [r, g, b, a] = m[1]!.split(/[ ,/]+/).map(Number);
      return [r!, g!, b!, a ?? 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3] + under[3] * (1 - top[3]);
      if (!a) return [255, 255, 255, 0];
      const mix = (i: number) => (top[i]! * top[3] + under[i]! * under[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    /** The opaque colour behind an element: its own and its ancestors' backgrounds over white. */
    const background = (el: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const lum = ([r, g, b]: Rgba) => {
      const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const contrast = (fg: Rgba, bg: Rgba) => {
      const [a, b] = [lum(over(fg, bg)), lum(bg)].sort((x, y) => y - x);
      return (a! + 0.05) / (b! + 0.05);
    };
    const visible = (el: Element) => {
      const st = getComputedStyle(el);
      return st.visibility !== 'hidden' && st.display !== 'none' && el.getClientRects().length > 0;
    };
    const inactive = (el: Element) =>
      !!el.closest('[disabled]:not([disabled=false]), .disabled') ||
      (() => {
        for (let e: Element | null = el; e; e = e.parentElement)
          if (Number(getComputedStyle(e).opacity) < 1) return true;
        return false;
      })();
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`;
    const fonts: Raw['fonts'] = [];
    const texts: Raw['texts'] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.textContent!.trim();
      const el = n.parentElement!;
      if (!t || !visible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
      const st = getComputedStyle(el);
      const what = `"${t.slice(0, 24)}" in ${name(el)}`;
      fonts.push({ value: parseFloat(st.fontSize), what });
      if (!inactive(el)) texts.push({ value: contrast(parse(st.color), background(el)), what });
    }
    for (const el of root.querySelectorAll('input, textarea')) {
      if (!visible(el)) continue;
      const st = getComputedStyle(el);
      fonts.push({ value: parseFloat(st.fontSize), what: `input ${name(el)}` });
      const ph = el.getAttribute('placeholder');
      if (ph) {
        const p = getComputedStyle(el, '::placeholder');
        fonts.push({ value: parseFloat(p.fontSize), what: `placeholder "${ph.slice(0, 16)}"` });
        if ((el as HTMLInputElement).value === '' && !inactive(el))
          texts.push({ value: contrast(parse(p.color), background(el)), what: `placeholder "${ph.slice(0, 16)}"` });
      }
      if ((el as HTMLInputElement).value && !inactive(el))
        texts.push({ value: contrast(parse(st.color), background(el)), what: `input value ${name(el)}` });
    }
    const taps: Raw['taps'] = [];
    const TAPS =
      ['.btn, button, .chip, .star, .input, textarea', '[role=radio], [role=switch], [role=checkbox]'].join(', ') +
      ', .order-item, .notice, .order-line';
    for (const el of root.querySelectorAll(TAPS)) {
      if (
        !visible(el) ||
        (el.closest('.chip, .btn, [role=switch]') !== el && el.parentElement?.closest('.chip, .btn, [role=switch]'))
      )
        continue;
      taps.push({
        value: el.getBoundingClientRect().height,
        what: `${name(el)} "${(el.textContent ?? '').trim().slice(0, 16)}"`,
      });
    }
    const borders: Raw['borders'] = [];
    for (const el of root.querySelectorAll('.input, .chip, .textarea, .pill')) {
      if (!visible(el) || inactive(el)) continue;
      const st = getComputedStyle(el);
      if (parseFloat(st.borderTopWidth) === 0) continue;
      borders.push({ value: contrast(parse(st.borderTopColor), background(el.parentElement)), what: name(el) });
    }
    const scrollWidth = Math.max(
      document.documentElement.scrollWidth,
      document.body.scrollWidth,
      window.innerWidth,
      root.scrollWidth,
    );
    return { large: root.classList.contains('large'), fonts, taps, texts, borders, scrollWidth };
  });
  return {
    large: raw.large,
    minFont: least(raw.fonts),
    minTap: least(raw.taps),
    minText: least(raw.texts),
    minBorder: least(raw.borders),
    small: raw.fonts.filter((f) => f.value < 24 - 0.01).map(label),
    lowTaps: (min) => raw.taps.filter((f) => f.value < min - 0.5).map(label),
    lowText: raw.texts.filter((f) => f.value < 4.5).map(label),
    lowBorders: raw.borders.filter((f) => f.value < 3).map(label),
    scrollWidth: raw.scrollWidth,
  };
}
