import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { gql } from '../../api/client';
import { OrdersDocument, type OrderStatus, type OrderSummaryFragment } from '../../api/generated';
import { Chips } from '../../components/Chips';
import { ErrorText } from '../../components/ErrorText';
import { LoadState } from '../../components/LoadState';
import { Page } from '../../components/Page';
import { ORDER_STATUS, dateTime, yuan } from '../../lib/format';
import { useStore } from '../../lib/store';
import { useLoad } from '../../lib/useLoad';

const FILTERS: { value: string; label: string; status: OrderStatus[] | null }[] = [
  { value: 'ALL', label: '全部', status: null },
  { value: 'ACTIVE', label: '进行中', status: ['PLACED', 'ASSIGNED', 'IN_SERVICE'] },
  { value: 'COMPLETED', label: '待确认', status: ['COMPLETED'] },
  { value: 'CONFIRMED', label: '已完成', status: ['CONFIRMED'] },
  { value: 'CANCELLED', label: '已取消', status: ['CANCELLED'] },
];

/** The elder's orders, newest first, filtered by where they stand. */
export default function Orders() {
  const elderId = useStore((s) => s.elderId);
  const [filter, setFilter] = useState(Taro.getCurrentInstance().router?.params.status ?? 'ALL');
  // Back from a recurring booking (issue 25): how many orders it placed.
  const placed = Number(Taro.getCurrentInstance().router?.params.placed ?? 0);
  // Later pages, appended by 加载更多; the first page reloads (and these reset) whenever the
  // filter changes or the page is shown again.
  const [more, setMore] = useState<{ orders: OrderSummaryFragment[]; cursor: string | null; hasNext: boolean } | null>(
    null,
  );
  const [moreError, setMoreError] = useState<unknown>(null);
  const status = FILTERS.find((f) => f.value === filter)?.status ?? null;
  const page = useLoad(async () => {
    setMore(null);
    return elderId ? (await gql(OrdersDocument, { elderId, status, first: 20 })).orders : null;
  }, [elderId, filter]);
  usePullDownRefresh(() => void page.reload().finally(() => Taro.stopPullDownRefresh()));
  const cursor = more ? more.cursor : (page.data?.pageInfo.endCursor ?? null);
  const hasNext = more ? more.hasNext : !!page.data?.pageInfo.hasNextPage;
  const loadMore = async () => {
    if (!elderId || !cursor) return;
    const next = (await gql(OrdersDocument, { elderId, status, first: 20, after: cursor })).orders;
    setMore((m) => ({
      orders: [...(m?.orders ?? []), ...next.edges.map((e) => e.node)],
      cursor: next.pageInfo.endCursor ?? null,
      hasNext: next.pageInfo.hasNextPage,
    }));
  };
  const orders = [...(page.data?.edges.map((e) => e.node) ?? []), ...(more?.orders ?? [])];
  return (
    <Page>
      <Text className="title">订单{page.data ? `（共 ${page.data.totalCount} 单）` : ''}</Text>
      {placed ? (
        <Text className="ok" id="placed-series" style={{ display: 'block' }}>
          {`已连续预约 ${placed} 次，每次一张工单，可在工单里单独改期或取消。`}
        </Text>
      ) : null}
      <Chips id="order-filter" options={FILTERS} value={filter} onChange={setFilter} />
      {!elderId ? <Text>请先在首页选择老人。</Text> : null}
      <LoadState
        id="orders"
        loading={page.loading && !page.data}
        error={page.error}
        empty={!!page.data && !orders.length}
        retry={page.reload}
        emptyText={
          filter === 'ALL' ? '还没有订单。' : `没有“${FILTERS.find((f) => f.value === filter)?.label}”的订单。`
        }
        action={
          filter === 'ALL'
            ? { label: '去预约服务', onClick: () => Taro.navigateTo({ url: '/pages/guide/index' }) }
            : { label: '看全部订单', onClick: () => setFilter('ALL') }
        }
      />
      {orders.map((o) => (
        <View
          key={o.id}
          className="card order-item"
          data-id={o.id}
          onClick={() => void Taro.navigateTo({ url: `/pages/order-detail/index?id=${o.id}` })}
        >
          <View className="row">
            <Text className="title">
              {o.service.name}
              {o.quantity > 1 ? ` ×${o.quantity}` : ''}
            </Text>
            <Text className={o.status === 'COMPLETED' ? 'warn' : 'muted'}>{ORDER_STATUS[o.status] ?? o.status}</Text>
          </View>
          <Text style={{ display: 'block' }}>{dateTime(o.scheduledAt)}</Text>
          <Text className="small" style={{ display: 'block' }}>
            {o.caregiver ? `护理员 ${o.caregiver.name} · ` : ''}
            {yuan(o.amountFen)} 元{o.rating ? ` · 已评 ${o.rating.stars} 星` : ''}
          </Text>
        </View>
      ))}
      {hasNext ? (
        <Button className="btn block" onClick={() => void loadMore().then(() => setMoreError(null), setMoreError)}>
          加载更多
        </Button>
      ) : null}
      <ErrorText error={moreError} />
    </Page>
  );
}
