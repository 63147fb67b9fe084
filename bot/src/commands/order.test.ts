import { describe, expect, it } from 'vitest';
import {
  JUST_AFTER_MIDNIGHT,
  LATE_EVENING,
  MONTH_END,
  NOW,
  NYE,
  inTimeZones,
  labelled,
  sh,
} from '../testing/moments.js';
import { parseCommand } from './index.js';

describe('orders', () => {
  type Row = [
    text: string,
    now: Date,
    expected: {
      elderName: string;
      service: string;
      quantity?: number;
      unit?: 'HOUR' | 'TIME';
      at: string;
      note?: string;
    },
  ];
  const cases: Row[] = [
    [
      '下单 张桂兰 助洁 2小时 明天上午9点',
      NOW,
      { elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-23T09:00' },
    ],
    [
      '下单 张桂兰 助浴 1次 后天下午3点',
      NOW,
      { elderName: '张桂兰', service: '助浴', quantity: 1, unit: 'TIME', at: '2026-11-24T15:00' },
    ],
    ['给张桂兰下单 助餐 11月25日 11:30', NOW, { elderName: '张桂兰', service: '助餐', at: '2026-11-25T11:30' }],
    // NOW is a Sunday: 周五 is 27 November.
    ['下单 张桂兰 理发 周五上午十点', NOW, { elderName: '张桂兰', service: '理发', at: '2026-11-27T10:00' }],
    [
      '下单 张桂兰 陪聊 一个半小时 明天下午三点半',
      NOW,
      { elderName: '张桂兰', service: '陪聊', quantity: 1.5, unit: 'HOUR', at: '2026-11-23T15:30' },
    ],
    [
      '下单 张桂兰 助洁 2个小时 大后天早上8点15分',
      NOW,
      { elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-25T08:15' },
    ],
    [
      '下单 张桂兰 助洁 两小时 星期三 9:00',
      NOW,
      { elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-25T09:00' },
    ],
    [
      '下单 张桂兰 助洁 半小时 礼拜天上午九点',
      NOW,
      { elderName: '张桂兰', service: '助洁', quantity: 0.5, unit: 'HOUR', at: '2026-11-29T09:00' },
    ],
    [
      '下单 张桂兰 助洁 2个半小时 明天下午2点',
      NOW,
      { elderName: '张桂兰', service: '助洁', quantity: 2.5, unit: 'HOUR', at: '2026-11-23T14:00' },
    ],
    [
      '下单 张桂兰 助洁 90分钟 明天中午1点',
      NOW,
      { elderName: '张桂兰', service: '助洁', quantity: 1.5, unit: 'HOUR', at: '2026-11-23T13:00' },
    ],
    [
      '下单 张桂兰 助浴 两次 明晚7点',
      NOW,
      { elderName: '张桂兰', service: '助浴', quantity: 2, unit: 'TIME', at: '2026-11-23T19:00' },
    ],
    ['下单 张桂兰 助洁 今晚七点', NOW, { elderName: '张桂兰', service: '助洁', at: '2026-11-22T19:00' }],
    ['下单 张桂兰 助洁 明天晚上12点', NOW, { elderName: '张桂兰', service: '助洁', at: '2026-11-24T00:00' }],
    ['下单 张桂兰 助洁 十一月二十五日 下午两点', NOW, { elderName: '张桂兰', service: '助洁', at: '2026-11-25T14:00' }],
    ['下单 张桂兰 助洁 11-25 14:30', NOW, { elderName: '张桂兰', service: '助洁', at: '2026-11-25T14:30' }],
    ['下单 张桂兰 助洁 2026-11-25 9点', NOW, { elderName: '张桂兰', service: '助洁', at: '2026-11-25T09:00' }],
    ['下单 张桂兰 助洁 2026年11月26日 上午9点', NOW, { elderName: '张桂兰', service: '助洁', at: '2026-11-26T09:00' }],
    ['下单 张桂兰 助洁 25号 下午2点', NOW, { elderName: '张桂兰', service: '助洁', at: '2026-11-25T14:00' }],
    ['下单 张桂兰 助洁 明天9时30分', NOW, { elderName: '张桂兰', service: '助洁', at: '2026-11-23T09:30' }],
    ['下单 张桂兰 助洁 明天上午十点一刻', NOW, { elderName: '张桂兰', service: '助洁', at: '2026-11-23T10:15' }],
    ['下单 张桂兰 助洁 下午3点', NOW, { elderName: '张桂兰', service: '助洁', at: '2026-11-22T15:00' }],
    // Glued, comma-separated, colon after the verb, extra words as a note.
    [
      '下单张桂兰助洁2小时明天上午9点',
      NOW,
      { elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-23T09:00' },
    ],
    [
      '下单：张桂兰，助洁，2小时，明天上午9点',
      NOW,
      { elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-23T09:00' },
    ],
    [
      '下单 张桂兰 助洁 2小时 明天上午9点 打扫厨房',
      NOW,
      { elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-23T09:00', note: '打扫厨房' },
    ],
    ['下单 张桂兰 上门理发 明天上午9点', NOW, { elderName: '张桂兰', service: '上门理发', at: '2026-11-23T09:00' }],
    [
      '预约 张桂兰 助浴服务 1次 明天上午9点',
      NOW,
      { elderName: '张桂兰', service: '助浴服务', quantity: 1, unit: 'TIME', at: '2026-11-23T09:00' },
    ],
    // Names with numerals or weekday characters are not dates or quantities.
    [
      '下单 张三 助洁 2小时 明天上午9点',
      NOW,
      { elderName: '张三', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-23T09:00' },
    ],
    [
      '下单 王五 助洁 两小时 明天九点',
      NOW,
      { elderName: '王五', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-23T09:00' },
    ],
    ['下单 周一鸣 助洁 周三上午9点', NOW, { elderName: '周一鸣', service: '助洁', at: '2026-11-25T09:00' }],
    [
      '下单 阿依古丽·买买提 助浴 1次 周六下午2点',
      NOW,
      { elderName: '阿依古丽·买买提', service: '助浴', quantity: 1, unit: 'TIME', at: '2026-11-28T14:00' },
    ],
    // Year end: tomorrow, 1月2日, 1-2, 2号 and 周五 are all in 2027.
    ['下单 张桂兰 助洁 明天上午9点', NYE, { elderName: '张桂兰', service: '助洁', at: '2027-01-01T09:00' }],
    ['下单 张桂兰 助洁 1月2日 9:00', NYE, { elderName: '张桂兰', service: '助洁', at: '2027-01-02T09:00' }],
    ['下单 张桂兰 助洁 1-2 9:00', NYE, { elderName: '张桂兰', service: '助洁', at: '2027-01-02T09:00' }],
    ['下单 张桂兰 助洁 2号 下午4点', NYE, { elderName: '张桂兰', service: '助洁', at: '2027-01-02T16:00' }],
    ['下单 张桂兰 助洁 周五上午9点', NYE, { elderName: '张桂兰', service: '助洁', at: '2027-01-01T09:00' }],
    ['下单 张桂兰 助洁 今天下午4点', NYE, { elderName: '张桂兰', service: '助洁', at: '2026-12-31T16:00' }],
    // Month end.
    ['下单 张桂兰 助洁 明天上午9点', MONTH_END, { elderName: '张桂兰', service: '助洁', at: '2026-12-01T09:00' }],
    ['下单 张桂兰 助洁 后天上午9点', MONTH_END, { elderName: '张桂兰', service: '助洁', at: '2026-12-02T09:00' }],
    // Shanghai is already Monday 23rd while UTC is Sunday 22nd.
    [
      '下单 张桂兰 助洁 明天上午9点',
      JUST_AFTER_MIDNIGHT,
      { elderName: '张桂兰', service: '助洁', at: '2026-11-24T09:00' },
    ],
    [
      '下单 张桂兰 助洁 今天上午9点',
      JUST_AFTER_MIDNIGHT,
      { elderName: '张桂兰', service: '助洁', at: '2026-11-23T09:00' },
    ],
    [
      '下单 张桂兰 助洁 周一上午9点',
      JUST_AFTER_MIDNIGHT,
      { elderName: '张桂兰', service: '助洁', at: '2026-11-30T09:00' },
    ],
    [
      '下单 张桂兰 助洁 本周一上午9点',
      JUST_AFTER_MIDNIGHT,
      { elderName: '张桂兰', service: '助洁', at: '2026-11-23T09:00' },
    ],
    [
      '下单 张桂兰 助洁 周日上午9点',
      JUST_AFTER_MIDNIGHT,
      { elderName: '张桂兰', service: '助洁', at: '2026-11-29T09:00' },
    ],
    [
      '下单 张桂兰 助洁 下周五上午9点',
      JUST_AFTER_MIDNIGHT,
      { elderName: '张桂兰', service: '助洁', at: '2026-12-04T09:00' },
    ],
    [
      '下单 张桂兰 助洁 11月23日 下午3点',
      JUST_AFTER_MIDNIGHT,
      { elderName: '张桂兰', service: '助洁', at: '2026-11-23T15:00' },
    ],
    // Late Sunday evening: tomorrow is Monday the 23rd, 下周一 is tomorrow (weeks start on Monday).
    ['下单 张桂兰 助洁 明天上午9点', LATE_EVENING, { elderName: '张桂兰', service: '助洁', at: '2026-11-23T09:00' }],
    ['下单 张桂兰 助洁 下周一早上8点', LATE_EVENING, { elderName: '张桂兰', service: '助洁', at: '2026-11-23T08:00' }],
    ['下单 张桂兰 助洁 晚上11点45分', LATE_EVENING, { elderName: '张桂兰', service: '助洁', at: '2026-11-22T23:45' }],
  ];
  it.each(labelled(cases))('%s (now %s)', (text, _label, e, now) => {
    const r = parseCommand({ text, now });
    expect(r.kind, JSON.stringify(r)).toBe('order');
    if (r.kind !== 'order') return;
    const { at, ...rest } = e;
    expect({ ...r, scheduledAt: r.scheduledAt.toISOString() }).toEqual({ kind: 'order', ...rest, scheduledAt: sh(at) });
  });

  it('reads Shanghai time whatever the host time zone', () => {
    inTimeZones((tz) => {
      for (const [text, now, e] of cases) {
        const r = parseCommand({ text, now });
        expect(r.kind === 'order' && r.scheduledAt.toISOString(), `${tz}: ${text}`).toBe(sh(e.at));
      }
    });
  });
});
