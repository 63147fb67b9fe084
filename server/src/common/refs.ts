// Short references for chat: the last 8 hex digits of a uuid v7 (its random part), which people
// can read out and type. Lookups are always scoped, so a collision could only ever show one's own.
export const shortRef = (id: string): string => id.replace(/-/g, '').slice(-8);

/** The id suffix a typed reference stands for, or null if it is not one. */
export const refPattern = (ref: string): string | null => {
  const r = (ref ?? '').trim().toLowerCase();
  return /^[0-9a-f]{8}$/.test(r) ? r : null;
};
