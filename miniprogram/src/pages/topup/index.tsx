import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ApiError, gql } from '../../api/client';
import {
  CreateTopUpDocument,
  ElderHomeDocument,
  SandboxPayTopUpDocument,
  TopUpStatusDocument,
} from '../../api/generated';
import { Chips } from '../../components/Chips';
import { ErrorText } from '../../components/ErrorText';
import { LoadState } from '../../components/LoadState';
import { Page } from '../../components/Page';
import { idempotencyKey, yuan } from '../../lib/format';
import { isWeapp, requestPayment } from '../../lib/platform';
import { useStore } from '../../lib/store';
import { useLoad } from '../../lib/useLoad';

const PRESETS = [5000, 10000, 20000, 50000];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Stage = 'idle' | 'paying' | 'waiting' | 'paid' | 'cancelled';

/**
 * Self-paid top-up. The balance shown changes only when the server says the payment arrived
 * (WeChat Pay's signed notification), never on the client's word that it paid.
 */
export default function TopUp() {
  const elderId = useStore((s) => s.elderId);
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const need = Number(params.need ?? 0);
  // Opened from a booking's 去充值: once the money has arrived, the way back is to that booking.
  const fromOrder = params.back === 'order';
  const home = useLoad(async () => (elderId ? (await gql(ElderHomeDocument, { elderId })).elder : null), [elderId]);
  const balance = home.data?.wallet.accounts.find((a) => a.kind === 'SELF_PAID')?.available ?? 0;
  const suggested = need > 0 ? Math.ceil(need / 100) * 100 : 10000;
  const [amount, setAmount] = useState(String(suggested / 100));
  const [stage, setStage] = useState<Stage>('idle');
  const [sandboxId, setSandboxId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = useRef<{ fen: number; key: string } | null>(null);
  const fen = Math.round(Number(amount) * 100);
  // Outside WeChat there is no cashier to pay at; only a demo build offers the sandbox there.
  const payable = isWeapp() || DEMO_MODE;

  const waitForServer = async (id: string) => {
    setStage('waiting');
    for (let i = 0; i < 30; i++) {
      const t = (await gql(TopUpStatusDocument, { id })).topUp;
      if (t.status === 'PAID') {
        await home.reload();
        setStage('paid');
        key.current = null;
        return;
      }
      if (t.status === 'CLOSED') throw new ApiError('这笔充值已关闭，没有扣款。', 'TOPUP_CLOSED');
      await sleep(Math.min(500 * (i + 1), 2000));
    }
    throw new ApiError('暂未收到支付结果。若已付款，到账后余额会自动更新，请稍后再看。', 'PAYMENT_PENDING');
  };

  const start = async () => {
    if (!elderId) return;
    setError(null);
    setSandboxId(null);
    if (!Number.isFinite(fen) || fen < 100) return setError(new Error('请输入至少 1 元的充值金额。'));
    // The same amount retried (a timeout, a second tap) is the same top-up on the server.
    if (!key.current || key.current.fen !== fen) key.current = { fen, key: idempotencyKey('mp-topup') };
    setStage('paying');
    try {
      const t = (
        await gql(CreateTopUpDocument, { input: { elderId, amountFen: fen, idempotencyKey: key.current.key } })
      ).createTopUp;
      if (t.status === 'PAID') return await waitForServer(t.id);
      if (!t.sandbox && !isWeapp()) throw new ApiError('网页版不能付款，请在微信小程序中充值。', 'FORBIDDEN');
      if (t.sandbox || !t.payParams) {
        // Demo server or H5: no real cashier; the payer's step is the labelled sandbox button.
        setSandboxId(t.id);
        setStage('idle');
        return;
      }
      const paid = await requestPayment(t.payParams);
      if (!paid) {
        setStage('cancelled');
        return;
      }
      await waitForServer(t.id);
    } catch (err) {
      setError(err);
      setStage('idle');
    }
  };

  const sandboxPay = async () => {
    if (!sandboxId) return;
    setError(null);
    try {
      await gql(SandboxPayTopUpDocument, { id: sandboxId });
      setSandboxId(null);
      await waitForServer(sandboxId);
    } catch (err) {
      setError(err);
      setStage('idle');
    }
  };

  return (
    <Page>
      <Text className="title">自费充值{home.data ? `（${home.data.name}）` : ''}</Text>
      <LoadState
        id="topup"
        loading={!!elderId && home.loading && !home.data}
        error={home.error}
        empty={!elderId}
        retry={home.reload}
        emptyText="请先在首页选择老人，再为老人充值。"
        action={{ label: '回首页选择老人', onClick: () => Taro.reLaunch({ url: '/pages/index/index' }) }}
      />
      {/* The balance only once the server said it: never 0.00 元 while it is loading or failed. */}
      {home.data ? (
        <View className="card">
          <View className="kv">
            <Text>当前自费余额</Text>
            <Text className="big" id="self-paid-balance">
              {yuan(balance)} 元
            </Text>
          </View>
          {need > 0 ? <Text className="warn">本次预约还差 {yuan(need)} 元</Text> : null}
          <Text className="small" style={{ display: 'block' }}>
            自费余额用于补贴以外的服务费用；老人终止服务时未用完的余额原路退回。
          </Text>
        </View>
      ) : null}
      <View className="card">
        <Text className="field">充值金额（元）</Text>
        <Chips
          id="presets"
          options={PRESETS.map((p) => ({ value: String(p / 100), label: `${p / 100} 元` }))}
          value={amount}
          onChange={setAmount}
        />
        <Input id="amount" className="input" type="digit" value={amount} onInput={(e) => setAmount(e.detail.value)} />
        {payable ? (
          <Button
            className="btn primary block"
            id="pay"
            disabled={stage === 'paying' || stage === 'waiting' || !!sandboxId}
            onClick={start}
          >
            {isWeapp() ? '微信支付' : '充值'} {Number.isFinite(fen) && fen > 0 ? `${yuan(fen)} 元` : ''}
          </Button>
        ) : (
          <Text className="warn" id="pay-in-wechat">
            网页版不能付款，请在微信小程序中充值。
          </Text>
        )}
      </View>
      {sandboxId ? (
        <View className="banner" id="sandbox">
          <Text style={{ display: 'block' }}>
            演示环境（支付沙箱）：不会真实扣款。点下面的按钮模拟付款人在微信中确认支付。
          </Text>
          <Button className="btn primary block" id="sandbox-pay" onClick={sandboxPay}>
            沙箱支付（模拟确认付款）
          </Button>
        </View>
      ) : null}
      {stage === 'waiting' ? <Text id="waiting">正在等待支付结果…</Text> : null}
      {stage === 'paid' ? (
        <Text className="ok" id="paid">
          充值已到账，当前自费余额 {yuan(balance)} 元。
        </Text>
      ) : null}
      {stage === 'paid' && fromOrder ? (
        <Button className="btn primary block" id="back-to-order" onClick={() => void Taro.navigateBack()}>
          返回预约（重新计算费用）
        </Button>
      ) : null}
      {stage === 'cancelled' ? <Text className="muted">已取消支付，没有扣款。</Text> : null}
      <ErrorText error={error} />
    </Page>
  );
}
