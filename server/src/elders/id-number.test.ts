import { describe, expect, it } from 'vitest';
import { checksumChar, maskIdNumber, validateIdNumber, validateMobile } from './id-number.js';
import { ageOn, todayInShanghai } from '../common/calendar.js';

// The day the checks are judged on: a birth date after it is refused.
const TODAY = '2026-11-22';

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts the standard example 11010519491231002X with its birth date and gender', () => {
    const r = validateIdNumber('11010519491231002x', TODAY);
    expect(r).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'FEMALE',
      regionCode6: '110105',
    });
  });

  it('computes the MOD 11-2 check character', () => {
    expect(checksumChar('11010519491231002')).toBe('X');
    const body = '42011619440308123';
    expect(validateIdNumber(body + checksumChar(body), TODAY).ok).toBe(true);
  });

  it('rejects a wrong check digit, an impossible date, a future date and a 15-digit number', () => {
    const body = '42011619440308123';
    const wrong = checksumChar(body) === '1' ? '2' : '1';
    expect(validateIdNumber(body + wrong, TODAY)).toEqual({ ok: false, reason: 'CHECKSUM' });
    const feb30 = '42011619440230123';
    expect(validateIdNumber(feb30 + checksumChar(feb30), TODAY)).toEqual({ ok: false, reason: 'BIRTH_DATE' });
    const future = '42011620990101123';
    expect(validateIdNumber(future + checksumChar(future), '2026-11-22')).toEqual({ ok: false, reason: 'BIRTH_DATE' });
    expect(validateIdNumber('420116440308123', TODAY)).toEqual({ ok: false, reason: 'FORMAT' });
  });

  it('masks all but the first four and the last four', () => {
    expect(maskIdNumber('420116194403081234')).toBe('4201**********1234');
  });
});

describe('ages and days in Asia/Shanghai', () => {
  it('counts full years around the birthday and for 29 February', () => {
    expect(ageOn('1946-11-22', '2026-11-21')).toBe(79);
    expect(ageOn('1946-11-22', '2026-11-22')).toBe(80);
    expect(ageOn('1944-02-29', '2025-02-28')).toBe(80);
    expect(ageOn('1944-02-29', '2025-03-01')).toBe(81);
  });

  it('takes the Shanghai calendar day, which turns at 16:00 UTC', () => {
    expect(todayInShanghai(new Date('2026-05-31T15:59:59Z'))).toBe('2026-05-31');
    expect(todayInShanghai(new Date('2026-05-31T16:30:00Z'))).toBe('2026-06-01');
  });
});

describe('phone numbers', () => {
  it('accepts mobiles and landlines, rejects the rest', () => {
    expect(validateMobile('138 7123 4567')).toEqual({ ok: true, normalized: '13871234567' });
    expect(validateMobile('+86 13871234567')).toEqual({ ok: true, normalized: '13871234567' });
    expect(validateMobile('027-85123456')).toEqual({ ok: true, normalized: '027-85123456' });
    expect(validateMobile('12345').ok).toBe(false);
    expect(validateMobile('12871234567').ok).toBe(false);
  });
});
