import { checksumChar } from '../elders/id-number.js';

let seq = 100;
/** A valid, unique resident ID number (GB 11643 checksum) for a birth date and gender. */
export function makeIdNumber(birth: string, gender: 'MALE' | 'FEMALE', region = '420116'): string {
  seq += 2;
  const order = String(seq + (gender === 'MALE' ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  const body = `${region}${birth.replaceAll('-', '')}${order}`;
  return body + checksumChar(body);
}
