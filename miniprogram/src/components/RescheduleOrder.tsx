import { Button, Text, View } from '@tarojs/components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { gql } from '../api/client';
import { RescheduleOrderDocument, ServiceGuideDocument } from '../api/generated';
import { fromShanghai, idempotencyKey, shanghai } from '../lib/format';
import { slotRule, startTimes } from '../lib/slots';
import { useLoad } from '../lib/useLoad';
import { Chips } from './Chips';
import type { OrderActionProps } from './ReasonPicker';

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** The next fourteen days on the Asia/Shanghai calendar, from tomorrow. */
function nextDays(now = new Date()) {
  return Array.from({ length: 14 }, (_, i) => {
    const { date } = shanghai(new Date(now.getTime() + (i + 1) * 86_400_000));
    const weekday = WEEKDAY[new Date(`${date}T12:00:00+08:00`).getUTCDay()];
    return { value: date, label: `${i === 0 ? '明天' : i === 1 ? '后天' : weekday} ${date.slice(5)}` };
  });
}

/**
 * 改期 before the visit starts: a new day and time within the programme's booking hours (the
 * service guide gives them: the item's windows or visits.bookingHours), at most 60 days ahead. The server decides; this
 * card says the limits first and offers only start times inside the hours.
 */
export function RescheduleOrder({
  orderId,
  serviceCode,
  policyCode,
  busy,
  act,
}: OrderActionProps & { serviceCode: string; policyCode: string | null }) {
  const item = useLoad(
    async () =>
      policyCode
        ? ((await gql(ServiceGuideDocument, { policyCode })).serviceGuide.find((i) => i.code === serviceCode) ?? null)
        : null,
    [policyCode, serviceCode],
  );
  const times = startTimes(item.data);
  const days = useMemo(() => nextDays(), []);
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState<string | null>(null);
  const [time, setTime] = useState<string | null>(null);
  // One key per choice: a double tap or a retry after a timeout moves the visit once.
  const key = useRef(idempotencyKey('mp-reschedule'));
  useEffect(() => {
    key.current = idempotencyKey('mp-reschedule');
  }, [date, time]);
  return (
    <View className="card" id="reschedule">
      <Text className="title">改期</Text>
      <Text style={{ display: 'block' }} id="reschedule-rules">
        护理员签到开始服务前都可以改期，不收费用，冻结的金额不变；最多改到 60 天以内。
        {slotRule(item.data) ?? ''}
        已派护理员的，改期后由服务机构重新派单。
      </Text>
      {open ? (
        <>
          <Text className="small" style={{ display: 'block' }}>
            选择新的日期和时间：
          </Text>
          <Chips id="reschedule-dates" options={days} value={date} onChange={setDate} />
          <Chips id="reschedule-times" options={times} value={time} onChange={setTime} />
          <Button
            className="btn primary block"
            id="reschedule-confirm"
            disabled={busy || !date || !time}
            onClick={() =>
              act(
                () =>
                  gql(RescheduleOrderDocument, {
                    orderId,
                    startAt: fromShanghai(date!, time!),
                    idempotencyKey: key.current,
                  }),
                '已改期',
              )
            }
          >
            {date && time ? `改到 ${date.slice(5)} ${time}` : '请选择日期和时间'}
          </Button>
        </>
      ) : (
        <Button className="btn block" id="reschedule-open" onClick={() => setOpen(true)}>
          改期
        </Button>
      )}
    </View>
  );
}
