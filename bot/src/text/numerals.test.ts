import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from './numerals.js';

describe('parseChineseNumber', () => {
  it.each([
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十二', 12],
    ['二十', 20],
    ['二十五', 25],
    ['两', 2],
    ['一百零五', 105],
    ['二〇二六', 2026],
    ['12', 12],
    ['1.5', 1.5],
  ])('%s → %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });
  it.each(['', '三四十', '半', 'abc'])('%j is not a number', (s) => {
    expect(parseChineseNumber(s)).toBeUndefined();
  });
});
