import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { gql } from '../../api/client';
import { ElderHomeDocument, MyEldersDocument, type OrderSummaryFragment } from '../../api/generated';
import { Chips } from '../../components/Chips';
import { FontToggle } from '../../components/FontToggle';
import { HelpPanel } from '../../components/HelpPanel';
import { LoadState } from '../../components/LoadState';
import { WalletSummary } from '../../components/WalletSummary';
import { Greeting } from '../../components/Greeting';
import { Page } from '../../components/Page';
import { ORDER_STATUS, dateTime } from '../../lib/format';
import { homeFor } from '../../lib/roles';
import { setState, useStore } from '../../lib/store';
import { useLoad } from '../../lib/useLoad';

const go = (url: string) => () => void Taro.navigateTo({ url });

function OrderLine({ o }: { o: OrderSummaryFragment }) {
  return (
    <View className="kv order-line" onClick={go(`/pages/order-detail/index?id=${o.id}`)}>
      <Text>
        {o.service.name}
        {o.quantity > 1 ? ` ×${o.quantity}` : ''}
      </Text>
      <Text className="small">
        {dateTime(o.scheduledAt)} · {ORDER_STATUS[o.status] ?? o.status}
      </Text>
    </View>
  );
}

/** The elder(s) I care for: subsidy left, self-paid balance, visits coming and done, notices. */
export default function Home() {
  const token = useStore((s) => s.token);
  const user = useStore((s) => s.user);
  // A staff account that opens the app signed in goes to its own pages (staff subpackage, issue 23).
  useEffect(() => {
    const home = homeFor(user?.role);
    if (home !== '/pages/index/index') void Taro.reLaunch({ url: home });
  }, [user?.role]);
  const chosen = useStore((s) => s.elderId);
  const mine = useLoad(async () => (token ? gql(MyEldersDocument) : null), [token]);
  const elders = mine.data?.elders.edges.map((e) => e.node) ?? [];
  const elderId = elders.find((e) => e.id === chosen)?.id ?? elders[0]?.id ?? null;
  // The other pages (guide, orders, top-up) act for the elder shown here.
  useEffect(() => {
    if (elderId && elderId !== chosen) setState({ elderId });
  }, [elderId, chosen]);
  const home = useLoad(async () => (elderId ? (await gql(ElderHomeDocument, { elderId })).elder : null), [elderId]);
  const elder = home.data;
  const orders = elder?.orders.edges.map((e) => e.node) ?? [];
  const upcoming = orders
    .filter((o) => ['PLACED', 'ASSIGNED', 'IN_SERVICE'].includes(o.status))
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  const recent = orders.filter((o) => ['COMPLETED', 'CONFIRMED'].includes(o.status)).slice(0, 5);
  const toConfirm = orders.filter((o) => o.status === 'COMPLETED').length;
  const unread = mine.data?.notices.totalCount ?? 0;

  return (
    <Page>
      <Greeting name={user?.displayName} />
      {/* Issue 25: a skeleton while the elders load, the message with 重试 when it failed, and the way
          to link an elder when there is none. */}
      <LoadState
        id="home"
        loading={mine.loading && !mine.data}
        error={mine.error}
        empty={!!mine.data && elders.length === 0}
        retry={mine.reload}
        emptyText="还没有关联老人。请向社区工作人员领取关联码。"
        action={{ label: '输入关联码', onClick: go('/pages/link/index') }}
      />
      {elders.length > 1 ? (
        <Chips
          id="elder-chooser"
          options={elders.map((e) => ({ value: e.id, label: e.name }))}
          value={elderId}
          onChange={(id) => setState({ elderId: id })}
        />
      ) : null}
      {/* The chosen elder's wallet and visits: never the previous elder's while the next one loads. */}
      <LoadState
        id="elder"
        loading={!!elderId && home.loading && !elder}
        error={home.error}
        empty={false}
        retry={home.reload}
        emptyText=""
      />
      {elder ? (
        <>
          {/* The SOS first, above everything else an elder might read (000 四 紧急救援, 24 小时). */}
          <HelpPanel elderId={elder.id} purposes={['SOS']} />
          <View className="card" id="wallet">
            <Text className="title">
              {elder.name}（{elder.age} 岁）
            </Text>
            <Text className="small" style={{ display: 'block' }}>
              {elder.enrolment?.status === 'ACTIVE' ? elder.enrolment.policy.name : '未纳入服务项目'}
            </Text>
            <WalletSummary elder={elder} />
            <View className="row">
              <Button className="btn primary" onClick={go('/pages/guide/index')}>
                预约服务
              </Button>
              <Button className="btn" onClick={go('/pages/topup/index')}>
                充值
              </Button>
              <Button className="btn" id="statement-link" onClick={go('/pages/statement/index')}>
                补贴明细
              </Button>
            </View>
          </View>
          {toConfirm ? (
            <View className="banner" onClick={go('/pages/orders/index?status=COMPLETED')}>
              <Text>有 {toConfirm} 次服务已完成，请确认并评价</Text>
            </View>
          ) : null}
          <View className="card" id="upcoming">
            <Text className="title">即将上门</Text>
            {upcoming.length ? (
              upcoming.map((o) => <OrderLine key={o.id} o={o} />)
            ) : (
              <>
                <Text className="muted" style={{ display: 'block' }}>
                  暂无预约
                </Text>
                <Button className="btn block" id="upcoming-next" onClick={go('/pages/guide/index')}>
                  去预约服务
                </Button>
              </>
            )}
          </View>
          <View className="card" id="recent">
            <Text className="title">最近服务</Text>
            {recent.length ? (
              recent.map((o) => <OrderLine key={o.id} o={o} />)
            ) : (
              <Text className="muted">暂无记录</Text>
            )}
            <Button className="btn block" onClick={go('/pages/orders/index')}>
              全部订单
            </Button>
          </View>
        </>
      ) : null}
      <View className="row">
        <Button className="btn" id="notices-link" onClick={go('/pages/notices/index')}>
          消息{unread ? `（${unread} 条未读）` : ''}
        </Button>
        {user?.role === 'FAMILY' ? (
          <Button className="btn" onClick={go('/pages/link/index')}>
            关联老人
          </Button>
        ) : null}
      </View>
      <FontToggle />
    </Page>
  );
}
