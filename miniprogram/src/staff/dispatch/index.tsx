import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { gql } from '../../api/client';
import { ErrorText } from '../../components/ErrorText';
import { FontToggle } from '../../components/FontToggle';
import { Greeting } from '../../components/Greeting';
import { Page } from '../../components/Page';
import { dateTime, shanghai } from '../../lib/format';
import { useStore } from '../../lib/store';
import { useAction } from '../../lib/useAction';
import { useLoad } from '../../lib/useLoad';
import {
  AssignedTodayDocument,
  AssignOrderDocument,
  type BoardOrderFragment,
  CaregiverSuggestionsDocument,
  type CaregiverSuggestionsQuery,
  DispatchBoardDocument,
} from './api/generated';

const RISK: Record<string, string> = { NO_CAREGIVER: '还没派护理员', NOT_CHECKED_IN: '已过预约时间未签到' };

const startsIn = (minutes: number) => (minutes >= 0 ? `${minutes} 分钟后开始` : `已过预约时间 ${-minutes} 分钟`);

/** One order with its caregiver picker: the server's suggestions, least loaded that day first. */
function OrderCard({ o, note, onAssigned }: { o: BoardOrderFragment; note?: string; onAssigned: () => void }) {
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<CaregiverSuggestionsQuery['caregiverSuggestions'] | null>(null);
  const { busy, error, run } = useAction();
  const pick = () =>
    run(async () => {
      setOptions((await gql(CaregiverSuggestionsDocument, { orderId: o.id })).caregiverSuggestions);
      setOpen(true);
    });
  const assign = (caregiverId: string) =>
    run(async () => {
      await gql(AssignOrderDocument, { orderId: o.id, caregiverId });
      setOpen(false);
      onAssigned();
    });
  return (
    <View className="card board-order" data-order={o.id}>
      <Text className="title">
        {shanghai(o.scheduledAt).time} {o.elder.name} · {o.service.name}
      </Text>
      <Text className="small" style={{ display: 'block' }}>
        {dateTime(o.scheduledAt)} · 工单 {o.ref}
      </Text>
      <Text style={{ display: 'block' }}>{o.elder.address}</Text>
      {note ? (
        <Text className="warn board-risk" style={{ display: 'block' }}>
          {note}
        </Text>
      ) : null}
      <Text className="small" style={{ display: 'block' }}>
        护理员：{o.caregiver?.name ?? '未派'}
      </Text>
      {open && options ? (
        <View className="suggestions">
          {options.length === 0 ? <Text className="muted">没有证书有效、可派的在岗护理员。</Text> : null}
          {options.map((c) => (
            <Button
              key={c.caregiver.id}
              className="btn block suggestion"
              data-caregiver={c.caregiver.id}
              disabled={busy || c.caregiver.id === o.caregiver?.id}
              onClick={() => void assign(c.caregiver.id)}
            >
              派给 {c.caregiver.name}（当天 {c.dayOrders} 单，在办 {c.openOrders} 单）
            </Button>
          ))}
        </View>
      ) : (
        <Button className="btn primary block pick" disabled={busy} onClick={() => void pick()}>
          {o.caregiver ? '改派' : '派单'}
        </Button>
      )}
      <ErrorText error={error} />
    </View>
  );
}

/** The provider admin's board: today's progress, what is at risk, what is still to be assigned, and reassignment. */
export default function DispatchHome() {
  const user = useStore((s) => s.user);
  const token = useStore((s) => s.token);
  const board = useLoad(async () => (token ? (await gql(DispatchBoardDocument)).dispatchBoard : null), [token]);
  const day = board.data?.day;
  const assigned = useLoad(async () => {
    if (!token || !day) return [];
    const from = new Date(`${day}T00:00:00+08:00`);
    const to = new Date(from.getTime() + 86_400_000);
    const r = await gql(AssignedTodayDocument, { from: from.toISOString(), to: to.toISOString() });
    return r.orders.edges.map((e) => e.node).sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  }, [token, day]);
  const reload = () => {
    void board.reload();
    void assigned.reload();
  };
  const b = board.data;
  const risky = new Map((b?.atRisk ?? []).map((r) => [r.order.id, r]));
  return (
    <Page>
      <Greeting name={user?.displayName} />
      <ErrorText error={board.error ?? assigned.error} />
      {b ? (
        <View className="card" id="progress">
          <Text className="title">今日进度（{b.day}）</Text>
          <View className="kv">
            <Text>今天共 {b.progress.total} 单</Text>
            <Text id="progress-unassigned">待派 {b.progress.unassigned}</Text>
            <Text id="progress-assigned">已派待签到 {b.progress.assigned}</Text>
            <Text>服务中 {b.progress.inService}</Text>
            <Text>已完成 {b.progress.done}</Text>
            <Text>已取消 {b.progress.cancelled}</Text>
          </View>
        </View>
      ) : null}
      <Text className="title">风险工单（{b?.atRisk.length ?? 0}）</Text>
      <View id="at-risk">
        {(b?.atRisk ?? []).map((r) => (
          <OrderCard
            key={`risk-${r.order.id}`}
            o={r.order}
            note={`${RISK[r.risk] ?? r.risk}：${startsIn(r.minutesToStart)}`}
            onAssigned={reload}
          />
        ))}
        {b && b.atRisk.length === 0 ? <Text className="muted">暂无风险工单。</Text> : null}
      </View>
      <Text className="title">待派单（{b?.unassigned.length ?? 0}）</Text>
      <View id="unassigned">
        {(b?.unassigned ?? [])
          .filter((o) => !risky.has(o.id))
          .map((o) => (
            <OrderCard key={o.id} o={o} onAssigned={reload} />
          ))}
        {b && b.unassigned.length === 0 ? <Text className="muted">没有待派的工单。</Text> : null}
      </View>
      <Text className="title">今天已派单（可改派）</Text>
      <View id="assigned">
        {(assigned.data ?? [])
          .filter((o) => !risky.has(o.id))
          .map((o) => (
            <OrderCard key={o.id} o={o} onAssigned={reload} />
          ))}
        {assigned.data && assigned.data.length === 0 ? <Text className="muted">今天还没有已派的工单。</Text> : null}
      </View>
      <FontToggle />
    </Page>
  );
}
