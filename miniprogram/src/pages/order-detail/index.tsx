import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { gql } from '../../api/client';
import {
  ConfirmOrderDocument,
  FileComplaintDocument,
  OrderDetailDocument,
  RateOrderDocument,
} from '../../api/generated';
import { CancelOrder } from '../../components/CancelOrder';
import { CaregiverCard } from '../../components/CaregiverCard';
import { ChangeCaregiver } from '../../components/ChangeCaregiver';
import { Photos } from '../../components/Photos';
import { RescheduleOrder } from '../../components/RescheduleOrder';
import { ErrorText } from '../../components/ErrorText';
import { Page } from '../../components/Page';
import { Stars } from '../../components/Stars';
import { COMPLAINT_STATUS, ORDER_STATUS, dateTime, hours, yuan } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useLoad } from '../../lib/useLoad';

/** One order: where it stands, who came and when, and what the family can do about it. */
export default function OrderDetail() {
  const id = Taro.getCurrentInstance().router?.params.id ?? '';
  const detail = useLoad(async () => gql(OrderDetailDocument, { id }), [id]);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [complaint, setComplaint] = useState('');
  const [complaining, setComplaining] = useState(false);
  const { busy, error, setError, run } = useAction();
  const act = (fn: () => Promise<unknown>, done: string) =>
    run(async () => {
      await fn();
      await detail.reload();
      void Taro.showToast({ title: done, icon: 'success' });
    });

  const order = detail.data?.order;
  const complaints = detail.data?.complaints.edges.map((e) => e.node).filter((c) => c.orderId === id) ?? [];
  if (!order) {
    return (
      <Page>
        <ErrorText error={detail.error} />
        {detail.loading ? <Text className="muted">加载中…</Text> : null}
      </Page>
    );
  }
  const visit = order.visit;
  return (
    <Page>
      <View className="card" id="order">
        <View className="row">
          <Text className="title">
            {order.service.name}
            {order.quantity > 1 ? ` ×${order.quantity}` : ''}
          </Text>
          <Text className="big" id="order-status">
            {ORDER_STATUS[order.status] ?? order.status}
          </Text>
        </View>
        <View className="kv">
          <Text>老人</Text>
          <Text>{order.elder.name}</Text>
        </View>
        <View className="kv">
          <Text>预约时间</Text>
          <Text id="scheduled-at">{dateTime(order.scheduledAt)}</Text>
        </View>
        {(order.reschedules ?? []).map((r) => (
          <Text key={r.createdAt} className="small reschedule-line" style={{ display: 'block' }}>
            {`${dateTime(r.createdAt)} 改期：${dateTime(r.fromAt)} → ${dateTime(r.toAt)}`}
          </Text>
        ))}
        <View className="kv">
          <Text>服务机构</Text>
          <Text>{order.provider?.name ?? '—'}</Text>
        </View>
        <View className="kv">
          <Text>护理员</Text>
          <Text id="caregiver">{order.caregiver?.name ?? '待派'}</Text>
        </View>
        <View className="kv">
          <Text>费用</Text>
          <Text>
            {yuan(order.amountFen)} 元（补贴{' '}
            {order.subsidyMinutes > 0 ? hours(order.subsidyMinutes) : `${yuan(order.subsidyFen)} 元`}，自费{' '}
            {yuan(order.selfPaidFen)} 元）
          </Text>
        </View>
        <View className="kv">
          <Text>签到</Text>
          <Text id="check-in">{dateTime(visit?.checkInAt)}</Text>
        </View>
        <View className="kv">
          <Text>签退</Text>
          <Text id="check-out">{dateTime(visit?.checkOutAt)}</Text>
        </View>
        <View className="kv">
          <Text>服务时长</Text>
          <Text id="duration">{visit?.durationMinutes != null ? `${visit.durationMinutes} 分钟` : '—'}</Text>
        </View>
        {order.note ? (
          <View className="kv">
            <Text>备注</Text>
            <Text>{order.note}</Text>
          </View>
        ) : null}
        {order.cancelReason ? <Text className="warn">取消原因：{order.cancelReason}</Text> : null}
        <Photos urls={visit?.photoUrls ?? []} />
      </View>
      <CaregiverCard order={order} card={order.caregiverCard} />
      {order.status === 'ASSIGNED' && order.caregiverCard ? (
        <ChangeCaregiver orderId={id} busy={busy} act={act} />
      ) : null}

      <ErrorText error={error} />

      {order.status === 'PLACED' || order.status === 'ASSIGNED' ? (
        <>
          <RescheduleOrder
            orderId={id}
            serviceCode={order.service.code}
            policyCode={order.elder.enrolment?.policy.code ?? null}
            busy={busy}
            act={act}
          />
          <CancelOrder orderId={id} busy={busy} act={act} />
        </>
      ) : null}

      {order.status === 'COMPLETED' ? (
        <View className="card">
          <Text style={{ display: 'block' }}>护理员已完成服务。确认后，冻结的补贴和自费金额才会扣除。</Text>
          <Button
            className="btn primary block"
            id="confirm"
            disabled={busy}
            onClick={() => act(() => gql(ConfirmOrderDocument, { orderId: id }), '已确认')}
          >
            确认服务已完成
          </Button>
        </View>
      ) : null}

      {order.status === 'CONFIRMED' && !order.rating ? (
        <View className="card" id="rate">
          <Text className="title">评价本次服务</Text>
          <Stars value={stars} onChange={setStars} />
          <Textarea
            id="comment"
            className="input textarea"
            maxlength={500}
            placeholder="说说护理员的服务（选填）"
            value={comment}
            onInput={(e) => setComment(e.detail.value)}
          />
          <Button
            className="btn primary block"
            id="submit-rating"
            disabled={busy}
            onClick={() =>
              stars
                ? act(() => gql(RateOrderDocument, { orderId: id, stars, comment: comment.trim() || null }), '感谢评价')
                : setError(new Error('请先点星星打分（1–5 星）。'))
            }
          >
            提交评价
          </Button>
        </View>
      ) : null}
      {order.rating ? (
        <View className="card" id="rating">
          <Text className="title">我的评价</Text>
          <Stars value={order.rating.stars} />
          {order.rating.comment ? <Text style={{ display: 'block' }}>{order.rating.comment}</Text> : null}
        </View>
      ) : null}

      <View className="card" id="complaints">
        <Text className="title">投诉</Text>
        {complaints.map((c) => (
          <View key={c.id} className="complaint" id={`complaint-${c.id}`} style={{ marginBottom: '16px' }}>
            <View className="kv">
              <Text>{dateTime(c.createdAt)}</Text>
              <Text className="complaint-status">{COMPLAINT_STATUS[c.status] ?? c.status}</Text>
            </View>
            <Text style={{ display: 'block' }}>{c.content}</Text>
            {c.response ? (
              <Text className="small" style={{ display: 'block' }}>
                机构答复：{c.response}
              </Text>
            ) : (
              <Text className="small">请在 {dateTime(c.dueAt)} 前等待答复</Text>
            )}
          </View>
        ))}
        {complaining ? (
          <>
            <Textarea
              id="complaint-text"
              className="input textarea"
              maxlength={1000}
              placeholder="请写下发生了什么，工作人员会回访您"
              value={complaint}
              onInput={(e) => setComplaint(e.detail.value)}
            />
            <Button
              className="btn primary block"
              id="submit-complaint"
              disabled={busy}
              onClick={() =>
                act(async () => {
                  await gql(FileComplaintDocument, {
                    input: { elderId: order.elder.id, orderId: id, content: complaint },
                  });
                  setComplaint('');
                  setComplaining(false);
                }, '已提交投诉')
              }
            >
              提交投诉
            </Button>
          </>
        ) : (
          <Button className="btn block" id="complain" onClick={() => setComplaining(true)}>
            我要投诉
          </Button>
        )}
      </View>
    </Page>
  );
}
