import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, gql } from '../../api/client';
import {
  PlaceOrderDocument,
  PlaceRecurringOrdersDocument,
  QuoteOrderDocument,
  ServiceGuideDocument,
} from '../../api/generated';
import { Chips } from '../../components/Chips';
import { ErrorText } from '../../components/ErrorText';
import { Page } from '../../components/Page';
import { Split, type Quote } from '../../components/Split';
import { fromShanghai, idempotencyKey, price, shanghai, unitLabel } from '../../lib/format';
import { slotRule, startTimes } from '../../lib/slots';
import { useStore } from '../../lib/store';
import { useLoad } from '../../lib/useLoad';

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** The next seven days on the Asia/Shanghai calendar, from tomorrow (a visit needs notice). */
export function nextDays(now = new Date()): { value: string; label: string }[] {
  return Array.from({ length: 7 }, (_, i) => {
    const at = new Date(now.getTime() + (i + 1) * 86_400_000);
    const { date } = shanghai(at);
    const weekday = WEEKDAY[new Date(`${date}T12:00:00+08:00`).getUTCDay()];
    return { value: date, label: `${i === 0 ? '明天' : i === 1 ? '后天' : weekday} ${date.slice(5)}` };
  });
}

/** The unit of a quantity as said in a sentence: hourly items in 小时, not 次（60 分钟）. */
const perUnit = (item: { unit: string; unitMinutes?: number | null }) =>
  item.unitMinutes === 60 ? '小时' : unitLabel(item.unit);

const REPEATS = [
  { value: 'NONE', label: '只约一次' },
  { value: 'DAILY', label: '每天' },
  { value: 'WEEKLY', label: '每周' },
];

/** Last days a series may run to: 1 to 4 weeks after the first visit (the server allows 31 visits, 60 days). */
export function untilChoices(first: string): { value: string; label: string }[] {
  return [1, 2, 3, 4].map((w) => {
    const d = new Date(new Date(`${first}T12:00:00+08:00`).getTime() + w * 7 * 86_400_000);
    const { date } = shanghai(d);
    return { value: date, label: `${w} 周后 ${date.slice(5)}` };
  });
}

/** Ordering one item: how many, when, and before confirming, what subsidy pays and what the family pays. */
export default function Order() {
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const code = params.code ?? '';
  const elderId = useStore((s) => s.elderId);
  const item = useLoad(
    async () =>
      params.policy
        ? ((await gql(ServiceGuideDocument, { policyCode: params.policy })).serviceGuide.find((i) => i.code === code) ??
          null)
        : null,
    [code],
  );
  const days = useMemo(() => nextDays(), []);
  const [quantity, setQuantity] = useState(1);
  const [date, setDate] = useState(days[0]!.value);
  const [picked, setPicked] = useState('09:00');
  // Only the start times the item's windows allow (a lunch at lunchtime); the server refuses others.
  const times = useMemo(() => startTimes(item.data), [item.data]);
  const time = times.some((t) => t.value === picked) ? picked : (times[0]?.value ?? picked);
  // The most one visit may book (the service guide's per-visit maximum), else the general 20.
  const most = item.data?.maxQuantityPerVisit ?? 20;
  const [note, setNote] = useState('');
  // Recurring (issue 25): daily or weekly until a day, each visit its own order.
  const [repeat, setRepeat] = useState('NONE');
  const untils = useMemo(() => untilChoices(date), [date]);
  const [until, setUntil] = useState<string | null>(null);
  const lastDay = until && untils.some((u) => u.value === until) ? until : untils[1]!.value;
  const [quote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One key per filled-in form: a double tap or a retry after a timeout files one order.
  const key = useRef(idempotencyKey('mp-order'));
  useEffect(() => {
    key.current = idempotencyKey('mp-order');
  }, [quantity, date, time, note, repeat, lastDay]);

  // Back from 去充值 (the top-up page returns here), the quote is asked again: the balance changed,
  // so a stale 还差 N 元 must not stay on screen.
  const [fresh, setFresh] = useState(0);
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) setFresh((n) => n + 1);
    shownOnce.current = true;
  });
  useEffect(() => {
    if (!elderId || !code) return;
    let live = true;
    setQuote(null);
    gql(QuoteOrderDocument, { input: { elderId, serviceCode: code, quantity } })
      .then((r) => live && (setQuote(r.quoteOrder), setError(null)))
      .catch((err) => live && setError(err));
    return () => {
      live = false;
    };
  }, [elderId, code, quantity, fresh]);

  const confirm = async () => {
    if (!elderId) return;
    setBusy(true);
    setError(null);
    try {
      if (repeat !== 'NONE') {
        const series = (
          await gql(PlaceRecurringOrdersDocument, {
            input: {
              elderId,
              serviceCode: code,
              quantity,
              scheduledAt: fromShanghai(date, time),
              repeat: repeat as 'DAILY' | 'WEEKLY',
              until: lastDay,
              idempotencyKey: key.current,
              note: note.trim() || null,
            },
          })
        ).placeRecurringOrders;
        await Taro.redirectTo({ url: `/pages/orders/index?placed=${series.length}` });
        return;
      }
      const placed = (
        await gql(PlaceOrderDocument, {
          input: {
            elderId,
            serviceCode: code,
            quantity,
            scheduledAt: fromShanghai(date, time),
            idempotencyKey: key.current,
            note: note.trim() || null,
          },
        })
      ).placeOrder;
      await Taro.redirectTo({ url: `/pages/order-detail/index?id=${placed.id}&placed=1` });
    } catch (err) {
      setError(err);
      // A refused order can be fixed and sent again as a new one.
      if (err instanceof ApiError && err.code !== 'NETWORK') key.current = idempotencyKey('mp-order');
    } finally {
      setBusy(false);
    }
  };

  const service = item.data;
  return (
    <Page>
      <Text className="title">{service?.name ?? '预约服务'}</Text>
      <ErrorText error={item.error} />
      {service ? (
        <Text className="small" style={{ display: 'block' }}>
          {price(service.priceFen, service.unit)}
          {service.unitMinutes && service.unit !== 'PER_60_MIN'
            ? `，每${unitLabel(service.unit)}约 ${service.unitMinutes} 分钟`
            : ''}
        </Text>
      ) : null}
      <View className="card">
        <Text className="field">数量（{service ? unitLabel(service.unit) : '次'}）</Text>
        <View className="row">
          <Button
            className="btn"
            id="qty-minus"
            aria-label="减少"
            disabled={quantity <= 1}
            onClick={() => setQuantity((q) => Math.max(1, q - 1))}
          >
            −
          </Button>
          <Text className="big" id="quantity">
            {quantity}
          </Text>
          <Button
            className="btn"
            id="qty-plus"
            aria-label="增加"
            disabled={quantity >= most}
            onClick={() => setQuantity((q) => Math.min(most, q + 1))}
          >
            +
          </Button>
        </View>
        {item.data?.maxQuantityPerVisit ? (
          <Text className="small" id="visit-maximum" style={{ display: 'block' }}>
            {`一次最多 ${item.data.maxQuantityPerVisit} ${perUnit(item.data)}，更多请分次预约。`}
          </Text>
        ) : null}
        <Text className="field">上门日期</Text>
        <Chips id="dates" options={days} value={date} onChange={setDate} />
        <Text className="field">上门时间</Text>
        {slotRule(item.data) ? (
          <Text className="small" id="slot-rule" style={{ display: 'block' }}>
            {slotRule(item.data)}
          </Text>
        ) : null}
        <Chips id="times" options={times} value={time} onChange={setPicked} />
        <Text className="field">重复</Text>
        <Chips id="repeat" options={REPEATS} value={repeat} onChange={setRepeat} />
        {repeat !== 'NONE' ? (
          <>
            <Text className="field">到哪一天为止（含当天）</Text>
            <Chips id="until" options={untils} value={lastDay} onChange={setUntil} />
            <Text className="small" id="repeat-rule" style={{ display: 'block' }}>
              {`${repeat === 'DAILY' ? '每天' : '每周'}同一时间上门，到 ${lastDay} 为止；每次是一张单独的工单，各自冻结费用，可以单独改期或取消。上面的费用是一次的。`}
            </Text>
          </>
        ) : null}
        <Text className="field">备注（选填）</Text>
        <Input
          id="note"
          className="input"
          maxlength={200}
          placeholder="例如：请先电话联系"
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>
      {quote ? <Split quote={quote} /> : <Text className="muted">正在计算费用…</Text>}
      <ErrorText error={error} />
      {quote && quote.missingFen > 0 ? (
        <Button
          className="btn primary block"
          id="go-topup"
          onClick={() => void Taro.navigateTo({ url: `/pages/topup/index?need=${quote.missingFen}&back=order` })}
        >
          去充值
        </Button>
      ) : (
        <Button className="btn primary block" id="confirm-order" disabled={busy || !quote} onClick={confirm}>
          确认预约
        </Button>
      )}
    </Page>
  );
}
