// Chinese resident identity numbers (GB 11643-1999) and phone numbers.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberCheck =
  | { ok: true; normalized: string; birthDate: string; gender: 'MALE' | 'FEMALE'; regionCode6: string }
  | { ok: false; reason: 'FORMAT' | 'CHECKSUM' | 'BIRTH_DATE' };

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checksumChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** `today` (YYYY-MM-DD, Asia/Shanghai) bounds the birth date: nobody is born after it. */
export function validateIdNumber(raw: string, today: string): IdNumberCheck {
  const n = (raw ?? '').trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(n)) return { ok: false, reason: 'FORMAT' };
  const y = Number(n.slice(6, 10));
  const m = Number(n.slice(10, 12));
  const d = Number(n.slice(12, 14));
  const birthDate = `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
  if (y < 1900 || !isRealDate(y, m, d) || birthDate > today) return { ok: false, reason: 'BIRTH_DATE' };
  if (checksumChar(n.slice(0, 17)) !== n[17]) return { ok: false, reason: 'CHECKSUM' };
  // The 17th digit (sequence code) is odd for men, even for women.
  return {
    ok: true,
    normalized: n,
    birthDate,
    gender: Number(n[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
    regionCode6: n.slice(0, 6),
  };
}

/** "4201**********1234": region prefix and last four only (docs/ARCHITECTURE.md, "Invariants"). */
export const maskIdNumber = (n: string): string => `${n.slice(0, 4)}${'*'.repeat(n.length - 8)}${n.slice(-4)}`;

/** Mainland mobile (11 digits, 1[3-9]…) or landline with area code (027-12345678). */
export function validateMobile(raw: string): { ok: true; normalized: string } | { ok: false } {
  const s = (raw ?? '').replace(/[\s()（）]/g, '').replace(/^\+?86-?/, '');
  if (/^1[3-9]\d{9}$/.test(s)) return { ok: true, normalized: s };
  const landline = /^(0\d{2,3})-?(\d{7,8})$/.exec(s);
  if (landline) return { ok: true, normalized: `${landline[1]}-${landline[2]}` };
  return { ok: false };
}
