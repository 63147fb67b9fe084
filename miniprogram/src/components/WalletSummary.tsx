import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ElderHomeQuery } from '../api/generated';
import { ACCOUNT_LABEL, accountAmount, dateTime } from '../lib/format';

type Elder = NonNullable<ElderHomeQuery['elder']>;

/**
 * Each account as a family reads it: what can still be used (可用), what is held for visits booked
 * and not yet charged (已冻结, each visit tappable), and when this month's unused subsidy lapses
 * (月底作废, from the programme: Wallet.lapse).
 */
export function WalletSummary({ elder }: { elder: Elder }) {
  const orders = new Map(elder.orders.edges.map((e) => [e.node.id, e.node]));
  const lapse = elder.wallet.lapse;
  return (
    <View id="balances">
      {elder.wallet.accounts.map((a) => {
        const holds = (elder.wallet.holds ?? []).filter((h) => h.account === a.kind);
        return (
          <View key={a.kind} id={`account-${a.kind}`} className="account">
            <View className="kv">
              <Text>{ACCOUNT_LABEL[a.kind] ?? a.kind}（可用）</Text>
              <Text className="big available">{accountAmount(a)}</Text>
            </View>
            {a.held > 0 ? (
              <View className="kv held">
                <Text>已冻结</Text>
                <Text className="held-amount">{accountAmount({ unit: a.unit, available: a.held })}</Text>
              </View>
            ) : null}
            {holds.map((h) => {
              const o = h.orderId ? orders.get(h.orderId) : undefined;
              const what = o ? `${o.service.name} ${dateTime(o.scheduledAt)}` : '已预约的服务';
              const amount = accountAmount({ unit: h.unit, available: h.amount });
              return (
                <View
                  key={h.id}
                  className="small hold-order"
                  data-order={h.orderId ?? ''}
                  style={{ display: 'block' }}
                  onClick={() =>
                    h.orderId && void Taro.navigateTo({ url: `/pages/order-detail/index?id=${h.orderId}` })
                  }
                >
                  <Text>{`${what}：冻结 ${amount} ›`}</Text>
                </View>
              );
            })}
          </View>
        );
      })}
      {lapse ? (
        <Text className="small" id="lapse" style={{ display: 'block' }}>
          {`${lapse.accounts.map((k) => ACCOUNT_LABEL[k] ?? k).join('、')}可用到 ${lapse.on}，` +
            `未用完的月底作废（${lapse.source}）；已冻结的跟随预约，不作废。`}
        </Text>
      ) : elder.enrolment?.status === 'ACTIVE' ? (
        <Text className="small" id="lapse" style={{ display: 'block' }}>
          补贴余额按项目规定保留，不按月作废。
        </Text>
      ) : null}
    </View>
  );
}
