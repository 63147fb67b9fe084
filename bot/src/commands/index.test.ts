import { describe, expect, it } from 'vitest';
import { JUST_AFTER_MIDNIGHT, LATE_EVENING, MONTH_END, NOW, NYE, labelled, sh } from '../testing/moments.js';
import type { ParseErrorCode } from './command.js';
import {
  COMMANDS,
  guessReply,
  HELP_TEXT,
  parseCommand,
  PRIVATE_HELP_TEXT,
  type Command,
  type ParseInput,
} from './index.js';

const parse = (text: string, extra: Partial<ParseInput> = {}) => parseCommand({ text, now: NOW, ...extra });

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
    [
      'a custom bot name',
      '@社区小助手\u2005查 张桂兰',
      { botName: '社区小助手' },
      { kind: 'lookup', elderName: '张桂兰' },
    ],
    [
      'a group alias when WeChat says the bot was mentioned',
      '@小颐\u2005余额 张桂兰',
      { mentionedSelf: true },
      balance,
    ],
    [
      'someone else mentioned first',
      '@王医生\u2005@颐联助手\u2005查 张桂兰',
      { mentionedSelf: true },
      { kind: 'lookup', elderName: '张桂兰' },
    ],
    ['a bare mention asks for help', '@颐联助手\u2005', { mentionedSelf: true }, { kind: 'help' }],
    ['full-width digits in a code', '绑定　１２３４５６', {}, { kind: 'bind_worker', code: '123456' }],
    ['full-width letters in an id', '工单　Ａ１０２４', {}, { kind: 'order_status', orderNo: 'A1024' }],
    ['full-width question mark', '@颐联助手\u2005？', {}, { kind: 'help' }],
    [
      'other people are not stripped without mentionedSelf',
      '@王医生\u2005查 张桂兰',
      {},
      { kind: 'unknown', text: '@王医生 查 张桂兰' },
    ],
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
    // Issue 23: 昨天, 前天 and 上周X are in the past (they were read as today and this Friday).
    ['下单 张桂兰 助洁 2小时 昨天上午9点', NOW, 'DATE_IN_PAST'],
    ['下单 张桂兰 助洁 前天下午3点', NOW, 'DATE_IN_PAST'],
    ['下单 张桂兰 助洁 大前天上午9点', NOW, 'DATE_IN_PAST'],
    ['下单 张桂兰 理发 上周五上午9点', NOW, 'DATE_IN_PAST'],
    ['下单 张桂兰 理发 上星期六上午9点', NYE, 'DATE_IN_PAST'],
    ['下单 张桂兰 助洁 月底上午9点', MONTH_END, 'DATE_IN_PAST'],
    ['下单 张桂兰 助洁 下个月底上午9点', NOW, 'BAD_DATE'],
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
  it.each(labelled(cases))('%s (now %s) → %s', (text, _label, code, now) => {
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

  it('a past day says which day it was, so nobody thinks 昨天 meant today', () => {
    const r = (text: string) => {
      const c = parseCommand({ text, now: NOW });
      return c.kind === 'error' ? c.message.split('\n')[0] : c.kind;
    };
    expect(r('下单 张桂兰 助洁 2小时 昨天上午9点')).toBe(
      '昨天是11月21日（周六），已经过去了，新订单只能约以后的时间。',
    );
    expect(r('下单 张桂兰 助洁 前天上午9点')).toBe('前天是11月20日（周五），已经过去了，新订单只能约以后的时间。');
    expect(r('下单 张桂兰 理发 上周五上午9点')).toBe('上周五是11月13日（周五），已经过去了，新订单只能约以后的时间。');
  });

  it('a past-date error shows the understood time', () => {
    const r = parse('下单 张桂兰 助洁 11月20日 上午9点');
    expect(r.kind === 'error' && r.message).toContain('11月20日（周五）上午9:00');
  });
});

describe('HELP_TEXT', () => {
  const lines = HELP_TEXT.split('\n');
  it("is written from the commands' help lines, in the registry's order", () => {
    expect(lines).toEqual([
      '颐联助手 指令（@我 后发送）：',
      '余额 张桂兰 — 查补贴余额',
      '查 张桂兰 — 查老人信息',
      '下单 张桂兰 助洁 2小时 明天上午9点',
      '工单 1024 — 查工单进度',
      '告警 — 看待处理告警',
      '确认 1024 — 认领告警',
      '处理 1024 已上门 老人忘记接电话',
      '详情 1024 — 私聊我看告警详情',
      '绑定 123456 — 绑定本人',
      '绑定群 123456 — 绑定本群',
    ]);
    expect(lines.slice(1)).toEqual(COMMANDS.map((c) => c.help));
  });
  it('fits a phone screen', () => {
    expect(lines.length).toBeLessThanOrEqual(12);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(24);
  });
  it('every example parses to its command', () => {
    const kinds = lines.slice(1).map((line) => parse(line.split(' — ')[0]!).kind);
    expect(kinds).toEqual([
      'balance',
      'lookup',
      'order',
      'order_status',
      'alerts',
      'ack',
      'resolve',
      'alert_detail',
      'bind_worker',
      'bind_room',
    ]);
  });
});

describe('the private help and the reply to a sentence that is no command', () => {
  it('a private chat gets help for private use: no @, no group binding, details allowed', () => {
    const lines = PRIVATE_HELP_TEXT.split('\n');
    expect(lines[0]).toBe('颐联助手 指令（私聊直接发送）：');
    expect(PRIVATE_HELP_TEXT).not.toMatch(/@我|绑定群|私聊我/);
    expect(lines).toContain('详情 1024 — 看告警电话和住址');
    expect(lines).toContain('绑定 123456 — 绑定本人');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(24);
  });
  it.each([
    ['我要给老人约个理发', '没看懂。您是想下单吗？试试：下单 张桂兰 理发 明天上午9点'],
    ['我要下单', '没看懂。您是想下单吗？试试：下单 张桂兰 理发 明天上午9点'],
    ['张桂兰还有钱吗', '没看懂。您是想查余额吗？试试：余额 张桂兰'],
    ['护理员到了没', '没看懂。您是想查工单吗？试试：工单 1024'],
    ['你好', '没看懂。发“帮助”看全部指令。'],
  ])('%s → one line, not the whole help', (text, reply) => {
    const c = parseCommand({ text, now: NOW });
    expect(c.kind).toBe('unknown');
    expect(guessReply(c.kind === 'unknown' ? c.text : '')).toBe(reply);
  });
});
