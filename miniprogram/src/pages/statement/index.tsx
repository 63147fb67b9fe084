import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { gql } from '../../api/client';
import { WalletStatementDocument, type WalletStatementQuery } from '../../api/generated';
import { Chips } from '../../components/Chips';
import { LoadState } from '../../components/LoadState';
import { Page } from '../../components/Page';
import { ACCOUNT_LABEL, dateTime, hours, yuan } from '../../lib/format';
import { useStore } from '../../lib/store';
import { useLoad } from '../../lib/useLoad';

type Statement = NonNullable<WalletStatementQuery['elder']>['wallet']['statement'];
type Line = Statement['lines'][number];

const REFUND_STATUS: Record<string, string> = { PROCESSING: '处理中', SUCCESS: '已退回', FAILED: '未成功，已退回余额' };
// Without "本月": the statement may be of an earlier month.
const LINE_LABEL: Record<string, string> = {
  SUBSIDY_OFFLINE: '服务补贴',
  SUBSIDY_ONLINE: '线上服务补贴',
  SUBSIDY_HOURS: '补贴服务时长',
  SELF_PAID: '自费余额',
};
const amount = (unit: string, n: number) => (unit === 'MINUTE' ? hours(n) : `${yuan(n)} 元`);
const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="kv" id={id}>
      <Text>{label}</Text>
      <Text className="amount">{value}</Text>
    </View>
  );
}

function AccountCard({ line }: { line: Line }) {
  const a = (n: number) => amount(line.unit, n);
  const subsidy = line.account !== 'SELF_PAID';
  return (
    <View className="card statement-line" id={`line-${line.account}`}>
      <Text className="title">{LINE_LABEL[line.account] ?? ACCOUNT_LABEL[line.account] ?? line.account}</Text>
      {line.paysFor ? (
        <Text className="small pays-for" style={{ display: 'block' }}>
          {`用于：${line.paysFor}（${line.source}）`}
        </Text>
      ) : null}
      <Row label="月初余额" value={a(line.opening)} id={`line-${line.account}-opening`} />
      {subsidy ? <Row label="政府发放" value={a(line.granted)} id={`line-${line.account}-granted`} /> : null}
      {!subsidy ? <Row label="充值到账" value={a(line.toppedUp)} id={`line-${line.account}-topped-up`} /> : null}
      <Row
        label={subsidy ? '用于服务（政府支付）' : '用于服务（家庭支付）'}
        value={a(line.spent)}
        id={`line-${line.account}-spent`}
      />
      {subsidy ? <Row label="作废或清零" value={a(line.lapsed)} id={`line-${line.account}-lapsed`} /> : null}
      {!subsidy ? <Row label="退回家庭" value={a(line.refunded)} id={`line-${line.account}-refunded`} /> : null}
      {line.other ? <Row label="冲正" value={a(line.other)} id={`line-${line.account}-other`} /> : null}
      <Row label="月末余额（含冻结）" value={a(line.closing)} id={`line-${line.account}-closing`} />
    </View>
  );
}

/**
 * 补贴明细: one elder's month as the ledger has it. What the government paid for services, what the
 * family paid, what lapsed or was refunded, each subsidy with what it pays for in the programme's
 * words, and the month's top-ups and refunds.
 */
export default function StatementPage() {
  const elderId = useStore((s) => s.elderId);
  const [month, setMonth] = useState<string | null>(null);
  const load = useLoad(
    async () => (elderId ? (await gql(WalletStatementDocument, { elderId, month })).elder : null),
    [elderId, month],
  );
  const elder = load.data;
  const st = elder?.wallet.statement;
  // The month chips stay while another month loads; its figures never show under the new month.
  const months = useRef<string[]>([]);
  if (st) months.current = st.months;
  return (
    <Page>
      <Text className="title">补贴明细{elder ? `（${elder.name}）` : ''}</Text>
      {elder?.enrolment?.policy.name ? (
        <Text className="small" style={{ display: 'block' }}>
          {elder.enrolment.policy.name}
        </Text>
      ) : null}
      {months.current.length > 1 ? (
        <Chips
          id="months"
          options={months.current.map((m) => ({ value: m, label: monthLabel(m) }))}
          value={st?.month ?? month}
          onChange={setMonth}
        />
      ) : null}
      <LoadState
        id="statement"
        loading={!!elderId && load.loading && !st}
        error={load.error}
        empty={!elderId}
        retry={load.reload}
        emptyText="请先在首页选择老人，再看补贴明细。"
        action={{ label: '回首页选择老人', onClick: () => Taro.reLaunch({ url: '/pages/index/index' }) }}
      />
      {st ? (
        <>
          <View className="card" id="summary">
            <Text className="title" id="statement-month">
              {monthLabel(st.month)}
            </Text>
            <Row label="政府补贴支付" value={`${yuan(st.governmentPaidFen)} 元`} id="government-paid" />
            {st.lines.some((l) => l.unit === 'MINUTE') ? (
              <Row label="政府购买服务时长" value={hours(st.governmentPaidMinutes)} id="government-minutes" />
            ) : null}
            <Row label="家庭自费支付" value={`${yuan(st.familyPaidFen)} 元`} id="family-paid" />
            <Row label="作废或清零" value={`${yuan(st.lapsedFen)} 元`} id="lapsed" />
            {st.lines.some((l) => l.unit === 'MINUTE') ? (
              <Row label="作废的服务时长" value={hours(st.lapsedMinutes)} id="lapsed-minutes" />
            ) : null}
            <Row label="退回家庭" value={`${yuan(st.refundedFen)} 元`} id="refunded" />
            <Row label="充值到账" value={`${yuan(st.toppedUpFen)} 元`} id="topped-up" />
          </View>
          {st.lines.map((l) => (
            <AccountCard key={l.account} line={l} />
          ))}
          <LoadState
            id="statement-lines"
            loading={false}
            error={null}
            empty={!st.lines.length}
            retry={load.reload}
            emptyText="这个月没有收支。预约服务后，补贴和自费的支出会记在这里。"
            action={{ label: '去预约服务', onClick: () => Taro.navigateTo({ url: '/pages/guide/index' }) }}
          />
          <View className="card" id="topups">
            <Text className="title">充值记录</Text>
            {st.topUps.length ? (
              st.topUps.map((t) => (
                <View className="kv topup-line" key={t.id} data-id={t.id}>
                  <Text>{dateTime(t.paidAt)}</Text>
                  <Text className="amount">
                    {`${yuan(t.amountFen)} 元`}
                    {t.refundedFen ? `（已退 ${yuan(t.refundedFen)} 元）` : ''}
                  </Text>
                </View>
              ))
            ) : (
              <Text className="muted">本月没有充值。</Text>
            )}
            <Button
              className="btn block"
              id="statement-topup"
              onClick={() => void Taro.navigateTo({ url: '/pages/topup/index' })}
            >
              去充值
            </Button>
          </View>
          <View className="card" id="refunds">
            <Text className="title">退款记录</Text>
            {st.refunds.length ? (
              st.refunds.map((r) => (
                <View className="kv refund-line" key={r.id}>
                  <Text>{`${dateTime(r.createdAt)} ${r.reason}`}</Text>
                  <Text className="amount">{`${yuan(r.amountFen)} 元 · ${REFUND_STATUS[r.status] ?? r.status}`}</Text>
                </View>
              ))
            ) : (
              <Text className="muted">本月没有退款。</Text>
            )}
          </View>
        </>
      ) : null}
    </Page>
  );
}
