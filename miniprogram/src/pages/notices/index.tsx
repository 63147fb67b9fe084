import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { gql } from '../../api/client';
import {
  MarkNoticeReadDocument,
  MessageTemplatesDocument,
  NoticesDocument,
  RecordMessageConsentsDocument,
} from '../../api/generated';
import { ErrorText } from '../../components/ErrorText';
import { LoadState } from '../../components/LoadState';
import { Page } from '../../components/Page';
import { Photos } from '../../components/Photos';
import { dateTime } from '../../lib/format';
import { isWeapp, requestSubscribe } from '../../lib/platform';
import { useLoad } from '../../lib/useLoad';

/** Notices inbox, and consent for WeChat subscribe messages (one message per consent). */
export default function Notices() {
  const list = useLoad(async () => (await gql(NoticesDocument, { first: 50 })).notices, []);
  const [error, setError] = useState<unknown>(null);
  const [consented, setConsented] = useState<number | null>(null);
  // A notice opens what it is about (issue 25): its order, or the order its complaint is on (the
  // order page lists the complaint). Read first, so the inbox is right when the family comes back.
  const open = async (n: { id: string; readAt?: unknown; orderId?: string | null; complaintId?: string | null }) => {
    try {
      if (!n.readAt) await gql(MarkNoticeReadDocument, { id: n.id });
      if (n.orderId) {
        const complaint = n.complaintId ? `&complaint=${n.complaintId}` : '';
        await Taro.navigateTo({ url: `/pages/order-detail/index?id=${n.orderId}${complaint}` });
      } else if (!n.readAt) await list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const subscribe = async () => {
    setError(null);
    try {
      const templates = (await gql(MessageTemplatesDocument)).messageTemplates.map((t) => t.templateId);
      // WeChat shows at most 3 templates per request.
      const accepted = await requestSubscribe(templates.slice(0, 3));
      if (accepted.length) await gql(RecordMessageConsentsDocument, { templateIds: accepted });
      setConsented(accepted.length);
    } catch (err) {
      setError(err);
    }
  };
  const notices = list.data?.edges.map((e) => e.node) ?? [];
  return (
    <Page>
      <Text className="title">消息</Text>
      <View className="card" id="subscribe">
        {isWeapp() ? (
          <>
            <Text style={{ display: 'block' }}>开启微信提醒：护理员签到、服务完成、投诉答复时在微信里通知您。</Text>
            <Button className="btn primary block" id="subscribe-btn" onClick={subscribe}>
              开启微信提醒
            </Button>
            {consented != null ? (
              <Text className="small">
                {consented ? `已开启 ${consented} 类提醒（每次同意可收到一条）` : '未开启提醒'}
              </Text>
            ) : null}
          </>
        ) : (
          <Text className="small">网页版不能发微信提醒；消息都在这里，也可以在微信小程序中开启提醒。</Text>
        )}
      </View>
      <ErrorText error={error} />
      <LoadState
        id="notices"
        loading={list.loading && !list.data}
        error={list.error}
        empty={!!list.data && !notices.length}
        retry={list.reload}
        emptyText="暂无消息。护理员签到、服务完成、投诉答复时，消息会出现在这里。"
        action={{ label: '查看订单', onClick: () => Taro.navigateTo({ url: '/pages/orders/index' }) }}
      />
      {notices.map((n) => (
        <View
          key={n.id}
          className={`card notice${n.readAt ? '' : ' unread'}`}
          data-id={n.id}
          data-order={n.orderId ?? ''}
          onClick={() => void open(n)}
        >
          <View className="row">
            <Text className="title">
              {n.readAt ? '' : '● '}
              {n.title}
            </Text>
            <Text className="small">{dateTime(n.createdAt)}</Text>
          </View>
          <Text style={{ display: 'block' }}>{n.body}</Text>
          {/* The photos as images; a tap on one enlarges it and does not open the order. */}
          <View onClick={(e) => e.stopPropagation()}>
            <Photos urls={n.photoUrls} id={`notice-photos-${n.id}`} />
          </View>
          {n.orderId ? (
            <Text className="small open-order" style={{ display: 'block' }}>
              {n.complaintId ? '查看投诉和工单 ›' : '查看工单 ›'}
            </Text>
          ) : null}
        </View>
      ))}
      {notices.some((n) => !n.readAt) ? (
        <Button
          className="btn block"
          onClick={() =>
            Promise.all(notices.filter((n) => !n.readAt).map((n) => gql(MarkNoticeReadDocument, { id: n.id }))).then(
              () => list.reload(),
              setError,
            )
          }
        >
          全部标为已读
        </Button>
      ) : null}
      <Button
        className="btn block"
        onClick={() => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }))}
      >
        返回
      </Button>
    </Page>
  );
}
