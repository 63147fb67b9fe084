// Which item a service word books, and when a visit may start: pure functions over a service guide
// as the server returns it (the items and hours below are 000 四's 助洁 items with the booking hours
// of 000 六·流程2, assumed 7:00–20:00 in the programme document).
import { describe, expect, it } from 'vitest';
import type { ServiceGuideQuery } from '../api/generated.js';
import { NOW, sh } from '../testing/moments.js';
import { parseCommand } from './index.js';
import { matchItems, outsideHours, type OrderArgs } from './order.js';

type Item = ServiceGuideQuery['serviceGuide'][number];
const hours = { bookableFromMinute: 7 * 60, bookableUntilMinute: 20 * 60 };
const item = (code: string, name: string, category: string, hourly: boolean, extra: Partial<Item> = {}): Item => ({
  code,
  name,
  category,
  mode: 'OFFLINE',
  unit: hourly ? 'PER_60_MIN' : 'PER_VISIT',
  unitMinutes: hourly ? 60 : null,
  priceFen: hourly ? 3000 : 2000,
  ...hours,
  ...extra,
});
// 000 四: 助洁 is four items, three of them by the hour.
const GUIDE: Item[] = [
  item('KITCHEN', '厨房整理', '助洁', true),
  item('ROOM', '居室清洁', '助洁', true),
  item('HAIRCUT', '上门理发', '助洁', false),
  item('LAUNDRY', '上门洗衣', '助洁', true),
  item('BATH', '助浴', '助浴', false),
  item('NIGHT', '夜间陪护', '助医', true, { bookableFromMinute: null, bookableUntilMinute: null }),
];

const order = (text: string) => {
  const r = parseCommand({ text, now: NOW });
  if (r.kind !== 'order') throw new Error(JSON.stringify(r));
  return r as OrderArgs;
};
const codes = (text: string) => matchItems(GUIDE, order(text)).map((i) => i.code);

describe('an item name or a category word takes the one item it means', () => {
  it('the README example 助洁 2小时 books the hourly cleaning item, without a menu', () => {
    expect(codes('下单 张桂兰 助洁 2小时 明天上午9点')).toEqual(['ROOM']);
  });
  it('a name that matches one item is taken directly', () => {
    expect(codes('下单 张桂兰 理发 明天上午9点')).toEqual(['HAIRCUT']);
    expect(codes('下单 张桂兰 上门洗衣 1小时 明天上午9点')).toEqual(['LAUNDRY']);
    expect(codes('下单 张桂兰 厨房整理 1小时 明天上午9点')).toEqual(['KITCHEN']);
    expect(codes('下单 张桂兰 助浴 1次 明天上午9点')).toEqual(['BATH']);
    expect(codes('下单 张桂兰 助浴服务 1次 明天上午9点')).toEqual(['BATH']);
  });
});

describe('night hours are refused unless the item allows them (the programme data)', () => {
  const at = (local: string) => new Date(sh(local));
  const room = GUIDE[1]!;
  it.each([
    ['2026-11-23T03:00', true],
    ['2026-11-23T06:59', true],
    ['2026-11-23T07:00', false],
    ['2026-11-23T20:00', false],
    ['2026-11-23T20:30', true],
  ])('居室清洁 at %s refused: %s', (local, refused) => {
    expect(outsideHours(room, at(local)) !== undefined).toBe(refused);
  });
  it('says when the item may start, with the date as a worker reads it', () => {
    expect(outsideHours(room, at('2026-11-23T03:00'))).toBe(
      '11月23日（周一）凌晨3:00 不在上门时段，居室清洁只能约 7:00–20:00 之间开始。',
    );
  });
  it('an item without booking hours (night care) may start at 03:00', () => {
    expect(outsideHours(GUIDE[5]!, at('2026-11-23T03:00'))).toBeUndefined();
  });
});
