import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { gql } from '../../api/client';
import { ElderHomeDocument, HelpDeskDocument, ServiceGuideDocument } from '../../api/generated';
import { Chips } from '../../components/Chips';
import { LoadState } from '../../components/LoadState';
import { HelpPanel } from '../../components/HelpPanel';
import { Page } from '../../components/Page';
import { price } from '../../lib/format';
import { useStore } from '../../lib/store';
import { useLoad } from '../../lib/useLoad';

/** The service guide of the elder's programme: categories, prices, units and standards. */
export default function Guide() {
  const elderId = useStore((s) => s.elderId);
  const guide = useLoad(async () => {
    const policyCode =
      Taro.getCurrentInstance().router?.params.policy ??
      (elderId ? (await gql(ElderHomeDocument, { elderId })).elder?.enrolment?.policy.code : undefined);
    if (!policyCode) return { items: [], policyCode: null };
    return { items: (await gql(ServiceGuideDocument, { policyCode })).serviceGuide, policyCode };
  }, [elderId]);
  // Which online services are a call (紧急救援, 联络紧急联络人, 定位查询: 000 四 线上服务表), not a booking.
  const desk = useLoad(async () => (elderId ? (await gql(HelpDeskDocument, { elderId })).helpDesk : null), [elderId]);
  const actions = new Map((desk.data?.actions ?? []).map((a) => [a.itemCode, a.purpose]));
  const items = guide.data?.items ?? [];
  const categories = [...new Set(items.map((i) => i.category))];
  const [category, setCategory] = useState<string | null>(null);
  const shown = items.filter((i) => (category ?? categories[0]) === i.category);
  return (
    <Page>
      <Text className="title">服务指南</Text>
      {/* Issue 25: a skeleton while the guide loads, 重试 when it failed, and where to go when there is none. */}
      <LoadState
        id="guide"
        loading={guide.loading && !guide.data}
        error={guide.error}
        empty={!!guide.data && !items.length}
        retry={guide.reload}
        emptyText={
          guide.data?.policyCode ? '这个项目还没有公布服务项目，请联系社区。' : '请先在首页选择已纳入服务的老人。'
        }
        action={{ label: '回首页', onClick: () => Taro.reLaunch({ url: '/pages/index/index' }) }}
      />
      <Button
        className="btn block"
        id="to-directory"
        onClick={() =>
          void Taro.navigateTo({
            url: `/pages/directory/index${guide.data?.policyCode ? `?policy=${guide.data.policyCode}` : ''}`,
          })
        }
      >
        养老服务机构名录
      </Button>
      <Chips
        id="categories"
        options={categories.map((c) => ({ value: c, label: c }))}
        value={category ?? categories[0] ?? null}
        onChange={setCategory}
      />
      {shown.map((item) => (
        <View className="card service-item" key={item.code} data-code={item.code}>
          <View className="row">
            <Text className="title">{item.name}</Text>
            <Text className="big">{price(item.priceFen, item.unit)}</Text>
          </View>
          <Text style={{ display: 'block' }}>{item.description}</Text>
          {item.standard ? (
            <Text className="small" style={{ display: 'block' }}>
              服务标准：{item.standard}
            </Text>
          ) : null}
          {actions.has(item.code) && elderId ? (
            <HelpPanel elderId={elderId} purposes={[actions.get(item.code)!]} />
          ) : item.mode === 'OFFLINE' || item.priceFen != null ? (
            <Button
              className="btn primary block"
              onClick={() =>
                void Taro.navigateTo({ url: `/pages/order/index?code=${item.code}&policy=${guide.data!.policyCode}` })
              }
            >
              预约{item.name}
            </Button>
          ) : (
            // An online service the programme does not price per booking is part of the monthly
            // online package: the platform provides it, nothing to order.
            <Text className="small included" style={{ display: 'block' }}>
              已含在每月线上服务中，由服务平台提供，无需预约
            </Text>
          )}
        </View>
      ))}
    </Page>
  );
}
