import { Text, View } from '@tarojs/components';
import { hours, yuan } from '../lib/format';

export interface Quote {
  amountFen: number;
  subsidyFen: number;
  subsidyMinutes: number;
  selfPaidFen: number;
  missingFen: number;
  selfPaidAvailableFen: number;
  providerName: string;
}

/** How an order will be paid, shown before the family confirms (000 四: 超出补贴部分自付). */
export function Split({ quote }: { quote: Quote }) {
  return (
    <View className="card" id="split">
      <View className="kv">
        <Text>服务总价</Text>
        <Text id="split-amount">{yuan(quote.amountFen)} 元</Text>
      </View>
      <View className="kv">
        <Text>政府补贴抵扣</Text>
        <Text id="split-subsidy" className="ok">
          {quote.subsidyMinutes > 0
            ? `${hours(quote.subsidyMinutes)}（折合 ${yuan(quote.subsidyFen)} 元）`
            : `${yuan(quote.subsidyFen)} 元`}
        </Text>
      </View>
      <View className="kv">
        <Text>需自费</Text>
        <Text id="split-self">{yuan(quote.selfPaidFen)} 元</Text>
      </View>
      <View className="kv">
        <Text className="small">服务机构</Text>
        <Text className="small">{quote.providerName}</Text>
      </View>
      {quote.missingFen > 0 ? (
        <Text className="error" id="split-missing">
          自费余额 {yuan(quote.selfPaidAvailableFen)} 元，还差 {yuan(quote.missingFen)} 元，请先充值。
        </Text>
      ) : null}
    </View>
  );
}
