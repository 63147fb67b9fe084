import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { gql } from '../../api/client';
import { ErrorText } from '../../components/ErrorText';
import { FontToggle } from '../../components/FontToggle';
import { Page } from '../../components/Page';
import { dateTime } from '../../lib/format';
import { signOut, useStore } from '../../lib/store';
import { useAction } from '../../lib/useAction';
import { useLoad } from '../../lib/useLoad';
import { AlertQueue } from './Alerts';
import { IssueBotBindingCodeDocument, type IssueBotBindingCodeMutation, WorkerEldersDocument } from './api/generated';
import { QrCode } from './QrCode';

const ENROLMENT: Record<string, string> = { ACTIVE: '服务中', SUSPENDED: '暂停', TERMINATED: '已终止' };

/** The bot's one-time binding codes: privately to bind the worker, in the group to bind the group. */
function BindingCodes() {
  const [code, setCode] = useState<IssueBotBindingCodeMutation['issueBotBindingCode'] | null>(null);
  const { busy, error, run } = useAction();
  const issue = (purpose: 'WORKER' | 'ROOM') =>
    run(async () => setCode((await gql(IssueBotBindingCodeDocument, { purpose })).issueBotBindingCode));
  return (
    <View className="card" id="binding">
      <Text className="title">绑定微信群机器人</Text>
      <View className="row">
        <Button className="btn bind-worker" disabled={busy} onClick={() => void issue('WORKER')}>
          绑定本人微信
        </Button>
        <Button className="btn bind-room" disabled={busy} onClick={() => void issue('ROOM')}>
          绑定工作群
        </Button>
      </View>
      {code ? (
        <QrCode
          label={code.purpose === 'ROOM' ? '在工作群里发给机器人' : '私聊发给机器人'}
          text={code.message}
          src={code.qrDataUrl}
          hint={`绑定码 ${code.code}，${dateTime(code.expiresAt)} 前有效，只能用一次。`}
        />
      ) : null}
      <ErrorText error={error} />
    </View>
  );
}

/** The community worker's desk: the community's elders (search, open one), 登记老人, bot binding, the alert queue. */
export default function WorkerHome() {
  const user = useStore((s) => s.user);
  const token = useStore((s) => s.token);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const list = useLoad(
    async () => (token ? await gql(WorkerEldersDocument, { search: query || null, first: 30 }) : null),
    [token, query],
  );
  const elders = list.data?.elders.edges.map((e) => e.node) ?? [];
  return (
    <Page>
      <View className="row">
        <Text className="title">
          {user?.displayName}
          {list.data?.me?.region ? ` · ${list.data.me.region.name}` : ''}
        </Text>
        <Button className="btn" onClick={() => signOut()}>
          退出
        </Button>
      </View>
      <Button
        className="btn primary block"
        id="register-elder"
        onClick={() => void Taro.navigateTo({ url: '/staff/worker/register/index' })}
      >
        登记老人
      </Button>
      <View className="card">
        <Text className="title">辖区老人（{list.data?.elders.totalCount ?? 0}）</Text>
        <View className="row">
          <Input
            id="elder-search"
            className="input"
            placeholder="姓名、电话或完整身份证号"
            value={search}
            onInput={(e) => setSearch(e.detail.value)}
            onConfirm={() => setQuery(search.trim())}
          />
          <Button className="btn" id="elder-search-go" onClick={() => setQuery(search.trim())}>
            搜索
          </Button>
        </View>
        <ErrorText error={list.error} />
        {elders.map((e) => (
          <View
            key={e.id}
            className="row elder-row"
            data-elder={e.id}
            onClick={() => void Taro.navigateTo({ url: `/staff/worker/elder/index?id=${e.id}` })}
          >
            <Text>
              {e.name}（{e.age} 岁）{e.address}
            </Text>
            <Text className="pill">
              {e.enrolment ? (ENROLMENT[e.enrolment.status] ?? e.enrolment.status) : '未纳入'}
            </Text>
          </View>
        ))}
        {list.data && elders.length === 0 ? <Text className="muted">没有找到老人。</Text> : null}
      </View>
      <AlertQueue />
      <BindingCodes />
      <FontToggle />
    </Page>
  );
}
