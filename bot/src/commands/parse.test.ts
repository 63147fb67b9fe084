import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_TEXT, formatDateTimeCn, parseChineseNumber, parseCommand, type Command, type ParseErrorCode, type ParseInput } from './parse.js';

/** Sunday 2026-11-22 10:00 in Shanghai (02:00 UTC). */
const NOW = new Date('2026-11-22T10:00:00+08:00');
/** New Year's Eve afternoon: tomorrow is another month and another year. */
const NYE = new Date('2026-12-31T15:30:00+08:00');
/** Monday 00:30 in Shanghai while UTC is still Sunday 16:30: a UTC-dated parser gets every day wrong. */
const JUST_AFTER_MIDNIGHT = new Date('2026-11-23T00:30:00+08:00');
/** Sunday 23:30 in Shanghai (15:30 UTC): a parser building times in UTC puts 09:00 at 17:00. */
const LATE_EVENING = new Date('2026-11-22T23:30:00+08:00');
/** 30 November: tomorrow is in the next month. */
const MONTH_END = new Date('2026-11-30T18:00:00+08:00');

const NOW_LABEL = new Map([[NOW, 'Sun 10:00'], [NYE, 'Dec 31 15:30'], [JUST_AFTER_MIDNIGHT, 'Mon 00:30'], [LATE_EVENING, 'Sun 23:30'], [MONTH_END, 'Nov 30 18:00']]);
const parse = (text: string, extra: Partial<ParseInput> = {}) => parseCommand({ text, now: NOW, ...extra });
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('intents', () => {
  const cases: [string, Command][] = [
    ['余额 张桂兰', { kind: 'balance', elderName: '张桂兰' }],
    ['查余额 张桂兰', { kind: 'balance', elderName: '张桂兰' }],
    ['张桂兰余额', { kind: 'balance', elderName: '张桂兰' }],
    ['张桂兰 还有多少钱', { kind: 'balance', elderName: '张桂兰' }],
    ['张桂兰还剩多少钱？', { kind: 'balance', elderName: '张桂兰' }],
    ['查 张桂兰 余额', { kind: 'balance', elderName: '张桂兰' }],
    ['张桂兰的余额', { kind: 'balance', elderName: '张桂兰' }],
    ['余额 欧阳秀英', { kind: 'balance', elderName: '欧阳秀英' }],
    ['查 张桂兰', { kind: 'lookup', elderName: '张桂兰' }],
    ['查询 张桂兰', { kind: 'lookup', elderName: '张桂兰' }],
    ['查询 李明', { kind: 'lookup', elderName: '李明' }],
    ['查 阿依古丽·买买提', { kind: 'lookup', elderName: '阿依古丽·买买提' }],
    ['查 阿依古丽•买买提', { kind: 'lookup', elderName: '阿依古丽·买买提' }],
    ['工单 A1024', { kind: 'order_status', orderNo: 'A1024' }],
    ['查工单 20261122-0007', { kind: 'order_status', orderNo: '20261122-0007' }],
    ['工单1024', { kind: 'order_status', orderNo: '1024' }],
    ['告警', { kind: 'alerts' }],
    ['查看告警', { kind: 'alerts' }],
    ['确认 1024', { kind: 'ack', alertNo: '1024' }],
    ['确认 #A7', { kind: 'ack', alertNo: 'A7' }],
    ['处理 1024 已上门 老人忘记接电话', { kind: 'resolve', alertNo: '1024', outcome: '已上门 老人忘记接电话' }],
    ['处理1024已上门，一切正常', { kind: 'resolve', alertNo: '1024', outcome: '已上门 一切正常' }],
    ['详情 3f9a12bc', { kind: 'alert_detail', alertNo: '3f9a12bc' }],
    ['告警详情 3f9a12bc', { kind: 'alert_detail', alertNo: '3f9a12bc' }],
    ['详情3F9A12BC', { kind: 'alert_detail', alertNo: '3F9A12BC' }],
    ['帮助', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['？', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['菜单', { kind: 'help' }],
    ['绑定 123456', { kind: 'bind_worker', code: '123456' }],
    ['绑定 123 456', { kind: 'bind_worker', code: '123456' }],
    ['绑定群 123456', { kind: 'bind_room', code: '123456' }],
    ['绑定群654321', { kind: 'bind_room', code: '654321' }],
    ['你好', { kind: 'unknown', text: '你好' }],
    ['我要下单', { kind: 'unknown', text: '我要下单' }],
    ['助洁多少钱', { kind: 'unknown', text: '助洁多少钱' }],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});

describe('orders', () => {
  type Row = [text: string, now: Date, expected: { elderName: string; service: string; quantity?: number; unit?: 'HOUR' | 'TIME'; at: string; note?: string }];
  const cases: Row[] = [
    ['下单 张桂兰 助洁 2小时 明天上午9点', NOW, { elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-23T09:00' }],
    ['下单 张桂兰 助浴 1次 后天下午3点', NOW, { elderName: '张桂兰', service: '助浴', quantity: 1, unit: 'TIME', at: '2026-11-24T15:00' }],
    ['给张桂兰下单 助餐 11月25日 11:30', NOW, { elderName: '张桂兰', service: '助餐', at: '2026-11-25T11:30' }],
    // NOW is a Sunday: 周五 is 27 November.
    ['下单 张桂兰 理发 周五上午十点', NOW, { elderName: '张桂兰', service: '理发', at: '2026-11-27T10:00' }],
    ['下单 张桂兰 陪聊 一个半小时 明天下午三点半', NOW, { elderName: '张桂兰', service: '陪聊', quantity: 1.5, unit: 'HOUR', at: '2026-11-23T15:30' }],
    ['下单 张桂兰 助洁 2个小时 大后天早上8点15分', NOW, { elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-25T08:15' }],
    ['下单 张桂兰 助洁 两小时 星期三 9:00', NOW, { elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-25T09:00' }],
    ['下单 张桂兰 助洁 半小时 礼拜天上午九点', NOW, { elderName: '张桂兰', service: '助洁', quantity: 0.5, unit: 'HOUR', at: '2026-11-29T09:00' }],
    ['下单 张桂兰 助洁 2个半小时 明天下午2点', NOW, { elderName: '张桂兰', service: '助洁', quantity: 2.5, unit: 'HOUR', at: '2026-11-23T14:00' }],
    ['下单 张桂兰 助洁 90分钟 明天中午1点', NOW, { elderName: '张桂兰', service: '助洁', quantity: 1.5, unit: 'HOUR', at: '2026-11-23T13:00' }],
    ['下单 张桂兰 助浴 两次 明晚7点', NOW, { elderName: '张桂兰', service: '助浴', quantity: 2, unit: 'TIME', at: '2026-11-23T19:00' }],
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
    ['下单张桂兰助洁2小时明天上午9点', NOW, { elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-23T09:00' }],
    ['下单：张桂兰，助洁，2小时，明天上午9点', NOW, { elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-23T09:00' }],
    ['下单 张桂兰 助洁 2小时 明天上午9点 打扫厨房', NOW, { elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-23T09:00', note: '打扫厨房' }],
    ['下单 张桂兰 上门理发 明天上午9点', NOW, { elderName: '张桂兰', service: '上门理发', at: '2026-11-23T09:00' }],
    ['预约 张桂兰 助浴服务 1次 明天上午9点', NOW, { elderName: '张桂兰', service: '助浴服务', quantity: 1, unit: 'TIME', at: '2026-11-23T09:00' }],
    // Names with numerals or weekday characters are not dates or quantities.
    ['下单 张三 助洁 2小时 明天上午9点', NOW, { elderName: '张三', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-23T09:00' }],
    ['下单 王五 助洁 两小时 明天九点', NOW, { elderName: '王五', service: '助洁', quantity: 2, unit: 'HOUR', at: '2026-11-23T09:00' }],
    ['下单 周一鸣 助洁 周三上午9点', NOW, { elderName: '周一鸣', service: '助洁', at: '2026-11-25T09:00' }],
    ['下单 阿依古丽·买买提 助浴 1次 周六下午2点', NOW, { elderName: '阿依古丽·买买提', service: '助浴', quantity: 1, unit: 'TIME', at: '2026-11-28T14:00' }],
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
    ['下单 张桂兰 助洁 明天上午9点', JUST_AFTER_MIDNIGHT, { elderName: '张桂兰', service: '助洁', at: '2026-11-24T09:00' }],
    ['下单 张桂兰 助洁 今天上午9点', JUST_AFTER_MIDNIGHT, { elderName: '张桂兰', service: '助洁', at: '2026-11-23T09:00' }],
    ['下单 张桂兰 助洁 周一上午9点', JUST_AFTER_MIDNIGHT, { elderName: '张桂兰', service: '助洁', at: '2026-11-30T09:00' }],
    ['下单 张桂兰 助洁 本周一上午9点', JUST_AFTER_MIDNIGHT, { elderName: '张桂兰', service: '助洁', at: '2026-11-23T09:00' }],
    ['下单 张桂兰 助洁 周日上午9点', JUST_AFTER_MIDNIGHT, { elderName: '张桂兰', service: '助洁', at: '2026-11-29T09:00' }],
    ['下单 张桂兰 助洁 下周五上午9点', JUST_AFTER_MIDNIGHT, { elderName: '张桂兰', service: '助洁', at: '2026-12-04T09:00' }],
    ['下单 张桂兰 助洁 11月23日 下午3点', JUST_AFTER_MIDNIGHT, { elderName: '张桂兰', service: '助洁', at: '2026-11-23T15:00' }],
    // Late Sunday evening: tomorrow is Monday the 23rd, 下周一 is tomorrow (weeks start on Monday).
    ['下单 张桂兰 助洁 明天上午9点', LATE_EVENING, { elderName: '张桂兰', service: '助洁', at: '2026-11-23T09:00' }],
    ['下单 张桂兰 助洁 下周一早上8点', LATE_EVENING, { elderName: '张桂兰', service: '助洁', at: '2026-11-23T08:00' }],
    ['下单 张桂兰 助洁 晚上11点45分', LATE_EVENING, { elderName: '张桂兰', service: '助洁', at: '2026-11-22T23:45' }],
  ];
  it.each(cases.map(([text, now, e]) => [text, NOW_LABEL.get(now), now, e] as const))('%s (now %s)', (text, _label, now, e) => {
    const r = parseCommand({ text, now });
    expect(r.kind, JSON.stringify(r)).toBe('order');
    if (r.kind !== 'order') return;
    const { at, ...rest } = e;
    expect({ ...r, scheduledAt: r.scheduledAt.toISOString() }).toEqual({ kind: 'order', ...rest, scheduledAt: sh(at) });
  });

  it('reads Shanghai time whatever the host time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        for (const [text, now, e] of cases) {
          const r = parseCommand({ text, now });
          expect(r.kind === 'order' && r.scheduledAt.toISOString(), `${tz}: ${text}`).toBe(sh(e.at));
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('mentions and full-width input', () => {
  const balance: Command = { kind: 'balance', elderName: '张桂兰' };
  const cases: [string, string, Partial<ParseInput>, Command][] = [
    ['U+2005 after the mention', '@颐联助手\u2005余额 张桂兰', {}, balance],
    ['U+3000 after the mention', '@颐联助手\u3000余额\u3000张桂兰', {}, balance],
    ['a space after the mention', '@颐联助手 余额 张桂兰', {}, balance],
    ['nothing after the mention', '@颐联助手余额 张桂兰', {}, balance],
    ['no mention at all', '余额 张桂兰', {}, balance],
    ['trailing mention', '余额 张桂兰 @颐联助手', {}, balance],
    ['trailing mention after U+2005', '余额 张桂兰\u2005@颐联助手\u2005', {}, balance],
    ['full-width @ and spaces', '＠颐联助手　余额　张桂兰', {}, balance],
    ['a custom bot name', '@社区小助手\u2005查 张桂兰', { botName: '社区小助手' }, { kind: 'lookup', elderName: '张桂兰' }],
    ['a group alias when WeChat says the bot was mentioned', '@小颐\u2005余额 张桂兰', { mentionedSelf: true }, balance],
    ['someone else mentioned first', '@王医生\u2005@颐联助手\u2005查 张桂兰', { mentionedSelf: true }, { kind: 'lookup', elderName: '张桂兰' }],
    ['a bare mention asks for help', '@颐联助手\u2005', { mentionedSelf: true }, { kind: 'help' }],
    ['full-width digits in a code', '绑定　１２３４５６', {}, { kind: 'bind_worker', code: '123456' }],
    ['full-width letters in an id', '工单　Ａ１０２４', {}, { kind: 'order_status', orderNo: 'A1024' }],
    ['full-width question mark', '@颐联助手\u2005？', {}, { kind: 'help' }],
    ['other people are not stripped without mentionedSelf', '@王医生\u2005查 张桂兰', {}, { kind: 'unknown', text: '@王医生 查 张桂兰' }],
  ];
  it.each(cases)('%s', (_label, text, extra, expected) => {
    expect(parse(text, extra)).toEqual(expected);
  });

  it('full-width digits, colon and spaces in an order', () => {
    const r = parse('＠颐联助手\u2005下单　张桂兰　助洁　２小时　明天上午９：３０');
    expect(r).toMatchObject({ kind: 'order', elderName: '张桂兰', service: '助洁', quantity: 2, unit: 'HOUR' });
    expect(r.kind === 'order' && r.scheduledAt.toISOString()).toBe(sh('2026-11-23T09:30'));
  });
});

describe('errors', () => {
  const cases: [string, Date, ParseErrorCode][] = [
    ['余额', NOW, 'MISSING_ELDER'],
    ['老人余额', NOW, 'MISSING_ELDER'],
    ['查 助洁', NOW, 'MISSING_ELDER'],
    ['下单', NOW, 'MISSING_ELDER'],
    ['下单 助洁 2小时 明天上午9点', NOW, 'MISSING_ELDER'],
    ['给张桂兰老人家下单 助洁 明天上午9点', NOW, 'MISSING_ELDER'],
    ['下单 张桂兰 2小时 明天上午9点', NOW, 'MISSING_SERVICE'],
    ['下单 张桂兰', NOW, 'MISSING_SERVICE'],
    ['下单 张桂兰 助洁 2月30日 上午9点', NOW, 'BAD_DATE'],
    ['下单 张桂兰 助洁 13月1日 上午9点', NOW, 'BAD_DATE'],
    ['下单 张桂兰 助洁 明天上午25点', NOW, 'BAD_DATE'],
    ['下单 张桂兰 助洁 明天 9:75', NOW, 'BAD_DATE'],
    ['下单 张桂兰 助洁 周末上午9点', NOW, 'BAD_DATE'],
    ['下单 张桂兰 助洁 2028-01-05 上午9点', NOW, 'BAD_DATE'],
    ['下单 张桂兰 助洁 明天', NOW, 'MISSING_TIME'],
    ['下单 张桂兰 助洁 11月25日', NOW, 'MISSING_TIME'],
    ['下单 张桂兰 助洁 明天中午', NOW, 'MISSING_TIME'],
    ['下单 张桂兰 助洁 2小时', NOW, 'MISSING_TIME'],
    ['下单 张桂兰 助洁 明天3点', NOW, 'MISSING_TIME'],
    ['下单 张桂兰 助洁 11月20日 上午9点', NOW, 'DATE_IN_PAST'],
    ['下单 张桂兰 助洁 今天上午9点', NOW, 'DATE_IN_PAST'],
    ['下单 张桂兰 助洁 2026-01-05 上午9点', NOW, 'DATE_IN_PAST'],
    ['下单 张桂兰 助洁 今天下午3点', NYE, 'DATE_IN_PAST'],
    ['下单 张桂兰 助洁 12月30日 下午3点', NYE, 'DATE_IN_PAST'],
    ['下单 张桂兰 助洁 本周一上午9点', NOW, 'DATE_IN_PAST'],
    // At 23:30 Shanghai it is 15:30 UTC: "today 23:00" is past even though 23:00 UTC is not.
    ['下单 张桂兰 助洁 今天晚上11点', LATE_EVENING, 'DATE_IN_PAST'],
    // At 00:30 Shanghai on the 23rd, the 22nd is yesterday even though UTC is still on the 22nd.
    ['下单 张桂兰 助洁 11月22日 晚上11点', JUST_AFTER_MIDNIGHT, 'DATE_IN_PAST'],
    ['下单 张桂兰 助洁 0小时 明天上午9点', NOW, 'BAD_QUANTITY'],
    ['下单 张桂兰 助洁 3.3小时 明天上午9点', NOW, 'BAD_QUANTITY'],
    ['下单 张桂兰 助浴 半次 明天上午9点', NOW, 'BAD_QUANTITY'],
    ['下单 张桂兰 助浴 30次 明天上午9点', NOW, 'BAD_QUANTITY'],
    ['下单 张桂兰 助洁 2 明天上午9点', NOW, 'BAD_QUANTITY'],
    ['绑定 12345', NOW, 'BAD_CODE'],
    ['绑定 1234567', NOW, 'BAD_CODE'],
    ['绑定群 12a456', NOW, 'BAD_CODE'],
    ['绑定', NOW, 'BAD_CODE'],
    ['确认', NOW, 'BAD_CODE'],
    ['详情', NOW, 'BAD_CODE'],
    ['工单', NOW, 'BAD_CODE'],
    ['处理', NOW, 'BAD_CODE'],
    ['处理 1024', NOW, 'MISSING_OUTCOME'],
    ['处理 1024 ，', NOW, 'MISSING_OUTCOME'],
  ];
  it.each(cases.map(([text, now, code]) => [text, NOW_LABEL.get(now), code, now] as const))('%s (now %s) → %s', (text, _label, code, now) => {
    const r = parseCommand({ text, now });
    expect(r, JSON.stringify(r)).toMatchObject({ kind: 'error', code });
    if (r.kind !== 'error') return;
    // Phone-friendly: a short reason, then an example of the right phrasing.
    const [reason, example, ...more] = r.message.split('\n');
    expect(more).toEqual([]);
    expect(reason!.length).toBeLessThanOrEqual(40);
    expect(example).toMatch(/^例：\S/);
  });

  it('examples in error messages parse (given a sensible time)', () => {
    for (const [text, now] of cases) {
      const r = parseCommand({ text, now });
      if (r.kind !== 'error') continue;
      const example = r.message.split('\n')[1]!.replace(/^例：/, '');
      const again = parseCommand({ text: example, now: NOW });
      expect(again.kind, `${text} → ${example} → ${JSON.stringify(again)}`).not.toBe('error');
    }
  });

  it('a past-date error shows the understood time', () => {
    const r = parse('下单 张桂兰 助洁 11月20日 上午9点');
    expect(r.kind === 'error' && r.message).toContain('11月20日(周五) 09:00');
  });
});

describe('HELP_TEXT', () => {
  const lines = HELP_TEXT.split('\n');
  it('fits a phone screen', () => {
    expect(lines.length).toBeLessThanOrEqual(12);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(24);
  });
  it('every example parses to its command', () => {
    const kinds = lines.slice(1).map((line) => parse(line.split(' — ')[0]!).kind);
    expect(kinds).toEqual(['balance', 'lookup', 'order', 'order_status', 'alerts', 'ack', 'resolve', 'alert_detail', 'bind_worker', 'bind_room']);
  });
});

describe('formatDateTimeCn', () => {
  it.each([
    ['2026-11-23T09:00:00+08:00', '11月23日(周一) 09:00'],
    ['2026-11-22T16:30:00Z', '11月23日(周一) 00:30'],
    ['2027-01-01T01:05:00Z', '1月1日(周五) 09:05'],
    ['2026-11-22T23:59:00+08:00', '11月22日(周日) 23:59'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDateTimeCn(new Date(iso))).toBe(expected);
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十五', 25],
    ['两', 2],
    ['一百零五', 105],
    ['二〇二六', 2026],
    ['12', 12],
    ['1.5', 1.5],
  ])('%s → %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });
  it.each(['', '三四十', '半', 'abc'])('%j is not a number', (s) => {
    expect(parseChineseNumber(s)).toBeUndefined();
  });
});
