// Masking for text that leaves the staff's own screens (group chats): enough for a worker who
// knows the elder to recognise them, not enough for anyone else to.

/** 张桂兰 → 张*兰, 李明 → 李*, 欧阳秀英 → 欧**英: first and last character kept (by code point). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}
