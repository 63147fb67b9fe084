// Fixed instants the parser and date tests run at, each chosen for a calendar edge (given as
// Shanghai wall-clock time; tests never read the wall clock).

/** Sunday 2026-11-22 10:00 in Shanghai (02:00 UTC). */
export const NOW = new Date('2026-11-22T10:00:00+08:00');
/** New Year's Eve afternoon: tomorrow is another month and another year. */
export const NYE = new Date('2026-12-31T15:30:00+08:00');
/** Monday 00:30 in Shanghai while UTC is still Sunday 16:30: a UTC-dated parser gets every day wrong. */
export const JUST_AFTER_MIDNIGHT = new Date('2026-11-23T00:30:00+08:00');
/** Sunday 23:30 in Shanghai (15:30 UTC): a parser building times in UTC puts 09:00 at 17:00. */
export const LATE_EVENING = new Date('2026-11-22T23:30:00+08:00');
/** 30 November: tomorrow is in the next month. */
export const MONTH_END = new Date('2026-11-30T18:00:00+08:00');

const NOW_LABEL = new Map([
  [NOW, 'Sun 10:00'],
  [NYE, 'Dec 31 15:30'],
  [JUST_AFTER_MIDNIGHT, 'Mon 00:30'],
  [LATE_EVENING, 'Sun 23:30'],
  [MONTH_END, 'Nov 30 18:00'],
]);

/** `[text, now, …rest]` rows as `[text, label of now, …rest, now]`, so a test title names its instant. */
export function labelled<R extends unknown[]>(cases: [string, Date, ...R][]): [string, string, ...R, Date][] {
  return cases.map(([text, now, ...rest]) => [text, NOW_LABEL.get(now) ?? now.toISOString(), ...rest, now]);
}

/** The ISO instant of a Shanghai wall-clock time written `2026-11-23T09:00`. */
export const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

/** Runs `body` under each of a few host time zones, far from Shanghai's, and restores TZ after. */
export function inTimeZones(body: (tz: string) => void) {
  const saved = process.env.TZ;
  try {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = tz;
      body(tz);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}
