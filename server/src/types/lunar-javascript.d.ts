// The part of lunar-javascript (6tail) the outreach calendar uses; the package ships no types.
declare module 'lunar-javascript' {
  interface SolarDate {
    toYmd(): string;
  }
  interface LunarDate {
    getSolar(): SolarDate;
  }
  const lunar: {
    Lunar: { fromYmd(year: number, month: number, day: number): LunarDate };
  };
  export default lunar;
}
