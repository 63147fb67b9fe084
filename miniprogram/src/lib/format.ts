// Display helpers: money in 元 from fen, minutes as hours, times on the Asia/Shanghai clock.
export const yuan = (fen: number) => (fen / 100).toFixed(2);

export function hours(minutes: number): string {
  const h = minutes / 60;
  return Number.isInteger(h) ? `${h} 小时` : `${h.toFixed(1)} 小时`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** China has one time zone and no daylight saving: UTC+8. */
export function shanghai(iso: string | Date): { date: string; time: string } {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

export const dateTime = (iso: string | null | undefined) => (iso ? `${shanghai(iso).date} ${shanghai(iso).time}` : '—');

/** A date and time picked on the Asia/Shanghai clock, as an ISO instant. */
export const fromShanghai = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();

export const ORDER_STATUS: Record<string, string> = {
  PLACED: '待派单',
  ASSIGNED: '已派护理员',
  IN_SERVICE: '服务中',
  COMPLETED: '待确认',
  CONFIRMED: '已完成',
  CANCELLED: '已取消',
};

export const COMPLAINT_STATUS: Record<string, string> = { OPEN: '待处理', RESPONDED: '机构已答复', CLOSED: '已办结' };

export const ACCOUNT_LABEL: Record<string, string> = {
  SUBSIDY_OFFLINE: '本月服务补贴',
  SUBSIDY_ONLINE: '本月线上服务补贴',
  SUBSIDY_HOURS: '本月补贴服务时长',
  SELF_PAID: '自费余额',
};

export function accountAmount(a: { unit: string; available: number }) {
  return a.unit === 'MINUTE' ? hours(a.available) : `${yuan(a.available)} 元`;
}

/** A client-made key, so a retried request files one order or one top-up. */
export function idempotencyKey(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Units of the programmes' price lists (policy documents), as a family reads them. */
export const UNIT_LABEL: Record<string, string> = {
  PER_MEAL: '餐',
  PER_VISIT: '次',
  PER_HOUR: '小时',
  PER_60_MIN: '次（60 分钟）',
  PER_MONTH: '月',
  ON_DEMAND: '次',
};

export const unitLabel = (unit: string) => UNIT_LABEL[unit] ?? unit;

export const price = (priceFen: number | null | undefined, unit: string) =>
  priceFen != null ? `${yuan(priceFen)} 元/${unitLabel(unit)}` : '免费';
