// One-time codes handed to people (bot binding, SMS login, family links): random digits or
// letters, stored only as an HMAC under the server secret, so a database dump reveals none.
import { createHmac, randomInt } from 'node:crypto';

// No 0/O, 1/I/L: read aloud over the phone or copied from a note without mistakes.
const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function digitCode(length = 6): string {
  return String(randomInt(0, 10 ** length)).padStart(length, '0');
}

export function letterCode(length = 8): string {
  return Array.from({ length }, () => LETTERS[randomInt(0, LETTERS.length)]).join('');
}

/** Codes are matched case-insensitively and without spaces or dashes, as people type them. */
export function normaliseCode(code: string | null | undefined): string {
  return (code ?? '').replace(/[\s-]/g, '').toUpperCase();
}

export function hashCode(secret: string, namespace: string, code: string): string {
  return createHmac('sha256', secret)
    .update(`${namespace}:${normaliseCode(code)}`)
    .digest('hex');
}
