/**
 * Chinese numerals as workers type them (两, 十二, 二十五, 一百零五, 二〇二六) and Arabic digits.
 * No library: the numbers in a booking are below a thousand, and this is the whole rule.
 */

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** One character of a Chinese numeral, for building patterns (dates, clocks, quantities). */
export const CN_NUM = '[零〇一二两三四五六七八九十百]';

/** Arabic or Chinese numerals up to 999 (十一, 二十五, 两, 一百), or positional (二〇二六). */
export function parseChineseNumber(raw: string): number | undefined {
  const s = raw.trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (!s || !new RegExp(`^${CN_NUM}+$`).test(s)) return undefined;
  if (!/[十百]/.test(s)) {
    // 二〇二六 / 二零 → positional digits
    return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c === '百' || c === '十') {
      const unit = c === '百' ? 100 : 10;
      total += (digit ?? 1) * unit;
      digit = undefined;
    } else if (c === '零' || c === '〇') {
      digit = undefined;
    } else {
      if (digit !== undefined) return undefined; // 三四十
      digit = CN_DIGITS[c];
    }
  }
  return total + (digit ?? 0);
}

/** parseChineseNumber, with NaN for "not a number" so range checks in patterns fail on their own. */
export const numberOrNaN = (s: string): number => parseChineseNumber(s) ?? NaN;
