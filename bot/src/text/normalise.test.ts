import { describe, expect, it } from 'vitest';
import { cutMatch, normalizeText, stripMention, toHalfWidth } from './normalise.js';

describe('normalizeText', () => {
  const cases: [label: string, text: string, botName: string | undefined, mentionedSelf: boolean, expected: string][] =
    [
      ['U+2005 after the mention', '@颐联助手\u2005余额 张桂兰', undefined, false, '余额 张桂兰'],
      ['U+3000 after the mention', '@颐联助手\u3000余额\u3000张桂兰', undefined, false, '余额 张桂兰'],
      ['a space after the mention', '@颐联助手 余额 张桂兰', undefined, false, '余额 张桂兰'],
      ['nothing after the mention', '@颐联助手余额 张桂兰', undefined, false, '余额 张桂兰'],
      ['trailing mention', '余额 张桂兰 @颐联助手', undefined, false, '余额 张桂兰'],
      ['trailing mention after U+2005', '余额 张桂兰\u2005@颐联助手\u2005', undefined, false, '余额 张桂兰'],
      ['full-width @ and spaces', '＠颐联助手　余额　张桂兰', undefined, false, '余额 张桂兰'],
      ['a custom bot name', '@社区小助手\u2005查 张桂兰', '社区小助手', false, '查 张桂兰'],
      [
        'a group alias when WeChat says the bot was mentioned',
        '@小颐\u2005余额 张桂兰',
        undefined,
        true,
        '余额 张桂兰',
      ],
      ['someone else mentioned first', '@王医生\u2005@颐联助手\u2005查 张桂兰', undefined, true, '查 张桂兰'],
      ['a bare mention', '@颐联助手\u2005', undefined, true, ''],
      [
        'other people are not stripped without mentionedSelf',
        '@王医生\u2005查 张桂兰',
        undefined,
        false,
        '@王医生 查 张桂兰',
      ],
      ['full-width digits', '绑定　１２３４５６', undefined, false, '绑定 123456'],
      ['full-width letters', '工单　Ａ１０２４', undefined, false, '工单 A1024'],
      ['a full-width colon inside a clock stays', '明天上午９：３０', undefined, false, '明天上午9:30'],
      [
        'a colon after a verb and commas are separators',
        '下单：张桂兰，助洁，2小时，明天上午9点',
        undefined,
        false,
        '下单 张桂兰 助洁 2小时 明天上午9点',
      ],
      ['punctuation between words', '处理1024已上门，一切正常。', undefined, false, '处理1024已上门 一切正常'],
      [
        'name dots typed other ways',
        '查 阿依古丽•买买提 阿依古丽・买买提 阿依古丽.买买提',
        undefined,
        false,
        '查 阿依古丽·买买提 阿依古丽·买买提 阿依古丽·买买提',
      ],
      ['a trailing question mark is punctuation', '张桂兰还剩多少钱？', undefined, false, '张桂兰还剩多少钱'],
      ['a lone question mark stays (it asks for help)', '@颐联助手\u2005？', undefined, false, '?'],
    ];
  it.each(cases)('%s', (_label, text, botName, mentionedSelf, expected) => {
    expect(normalizeText(text, botName, mentionedSelf)).toBe(expected);
  });
});

describe('the pieces', () => {
  it('toHalfWidth folds full-width ASCII and the ideographic space only', () => {
    expect(toHalfWidth('ＡＢｃ１２：！～\u3000张')).toBe('ABc12:!~ 张');
  });
  it('stripMention takes the bot off both ends, repeatedly, and nothing else', () => {
    expect(stripMention('@颐联助手 @颐联助手 查 张桂兰 @颐联助手')).toBe(' 查 张桂兰');
    expect(stripMention('查 @颐联助手 张桂兰')).toBe('查 @颐联助手 张桂兰');
    expect(stripMention('@a.b*c 查', 'a.b*c')).toBe(' 查');
  });
  it('cutMatch leaves a space where the match was', () => {
    const s = '张三明天九点助洁';
    expect(cutMatch(s, /明天九点/.exec(s)!)).toBe('张三 助洁');
  });
});
