import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { gql } from '../../api/client';
import { ErrorText } from '../../components/ErrorText';
import { FontToggle } from '../../components/FontToggle';
import { Greeting } from '../../components/Greeting';
import { Page } from '../../components/Page';
import { dateTime, shanghai } from '../../lib/format';
import { useStore } from '../../lib/store';
import { useLoad } from '../../lib/useLoad';
import { MyVisitsDocument, type VisitCardFragment } from './api/generated';
import { openMap } from './device';
import { VISIT_STATUS, dayOrder, needsLine, startOfShanghaiDay } from './needs';
import { flush, pendingCount, watchNetwork } from './queue';

function VisitItem({ o }: { o: VisitCardFragment }) {
  return (
    <View className="card visit" data-order={o.id}>
      <View className="row" onClick={() => void Taro.navigateTo({ url: `/staff/caregiver/visit/index?id=${o.id}` })}>
        <Text className="title visit-title">
          {shanghai(o.scheduledAt).time} {o.elder.name} · {o.service.name}
        </Text>
        <Text className="pill visit-status">{VISIT_STATUS[o.status] ?? o.status}</Text>
      </View>
      <Text className="small" style={{ display: 'block' }}>
        {dateTime(o.scheduledAt)}
      </Text>
      <Text className="visit-address" style={{ display: 'block' }}>
        {o.elder.address}
      </Text>
      <Text className="small visit-needs" style={{ display: 'block' }}>
        {needsLine(o)}
      </Text>
      <View className="row">
        <Button className="btn map-link" onClick={() => void openMap(o.elder).catch(() => undefined)}>
          地图导航
        </Button>
        <Button
          className="btn primary open-visit"
          onClick={() => void Taro.navigateTo({ url: `/staff/caregiver/visit/index?id=${o.id}` })}
        >
          打开工单
        </Button>
      </View>
    </View>
  );
}

/** The caregiver's day: today's and upcoming visits in the order they are done, with where and what. */
export default function CaregiverHome() {
  const user = useStore((s) => s.user);
  const token = useStore((s) => s.token);
  const list = useLoad(
    async () =>
      token
        ? dayOrder(
            (await gql(MyVisitsDocument, { from: startOfShanghaiDay(new Date()), first: 50 })).orders.edges.map(
              (e) => e.node,
            ),
          )
        : [],
    [token],
  );
  // Steps kept while offline go out as soon as the list opens with a network, and whenever it returns.
  useEffect(() => {
    const off = watchNetwork(() => void list.reload());
    void flush();
    return off;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const queued = pendingCount();
  const today = shanghai(new Date()).date;
  const visits = list.data ?? [];
  const todays = visits.filter((o) => shanghai(o.scheduledAt).date === today);
  const later = visits.filter((o) => shanghai(o.scheduledAt).date !== today);
  return (
    <Page>
      <Greeting name={user?.displayName} />
      {queued > 0 ? (
        <View className="banner warn" id="queued">
          <Text>有 {queued} 条签到签退记录在手机上等网络恢复后补传。</Text>
        </View>
      ) : null}
      <ErrorText error={list.error} />
      <Text className="field">今天（{todays.length} 单）</Text>
      <View id="today">
        {todays.map((o) => (
          <VisitItem key={o.id} o={o} />
        ))}
        {list.data && !todays.length ? <Text className="muted">今天没有上门服务。</Text> : null}
      </View>
      <Text className="field">之后的预约</Text>
      <View id="upcoming">
        {later.map((o) => (
          <VisitItem key={o.id} o={o} />
        ))}
        {list.data && !later.length ? <Text className="muted">暂无之后的预约。</Text> : null}
      </View>
      <Button className="btn block" onClick={() => void list.reload()}>
        刷新
      </Button>
      <FontToggle />
    </Page>
  );
}
