// Masking for text that leaves the staff's own screens (group chats): enough for a worker who
// knows the elder to recognise them, not enough for anyone else to.

/** 张桂兰 → 张*兰, 李明 → 李*, 欧阳秀英 → 欧**英: first and last character kept (by code point). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** 13812345678 → 138****5678, 027-12345678 → 027-****5678: the area or carrier prefix and the last four. */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p.length <= 7) return '*'.repeat(p.length);
  const head = p.includes('-') ? p.slice(0, p.indexOf('-') + 1) : p.slice(0, 3);
  return `${head}${'*'.repeat(Math.max(p.length - head.length - 4, 1))}${p.slice(-4)}`;
}

/**
 * 前川街道百秀社区解放路12号3栋201室 → 前川街道百秀社区解放路****: the street, community and road a
 * worker recognises, never the house number. Without digits, the first six characters.
 */
export function maskAddress(address: string): string {
  const a = address.trim();
  const cut = a.search(/[0-9０-９一二三四五六七八九十]+[号栋幢单室楼]/u);
  const kept = cut > 0 ? a.slice(0, cut) : Array.from(a).slice(0, 6).join('');
  return `${kept}****`;
}

/** Phone and ID-card numbers inside free text (a complaint's words) masked, for group chats. */
export function maskNumbersIn(text: string): string {
  return text
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, (id) => `${id.slice(0, 4)}**********${id.slice(-4)}`)
    .replace(/(?<!\d)1\d{10}(?!\d)/g, maskPhone)
    .replace(/(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g, maskPhone);
}
