import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { gql } from '../../api/client';
import { DirectoryProgrammesDocument, PublicDirectoryDocument } from '../../api/generated';
import { Chips } from '../../components/Chips';
import { LoadState } from '../../components/LoadState';
import { Page } from '../../components/Page';
import { useLoad } from '../../lib/useLoad';

const has = (q: string, ...texts: (string | null | undefined)[]) => !q || texts.some((t) => t?.includes(q));

/**
 * 养老服务机构名录 (002 二(三)10 信息公开): each programme's facilities, providers and their duties,
 * the application procedure and the service standards, for anyone without logging in; only public
 * queries, no personal data. `?policy=CODE` opens one programme (the guide passes the elder's).
 */
export default function Directory() {
  const programmes = useLoad(async () => (await gql(DirectoryProgrammesDocument)).policies, []);
  const [picked, setPicked] = useState<string | null>(() => Taro.getCurrentInstance().router?.params.policy ?? null);
  const code = picked ?? programmes.data?.[0]?.code ?? null;
  const dir = useLoad(
    async () => (code ? (await gql(PublicDirectoryDocument, { policyCode: code })).publicDirectory : null),
    [code],
  );
  const [q, setQ] = useState('');
  const query = q.trim();
  const facilities = (dir.data?.facilities ?? []).filter((f) => has(query, f.name, f.operator, f.street, f.community));
  const providers = (dir.data?.providers ?? []).filter((p) => has(query, p.name, ...p.areas));
  return (
    <Page requireLogin={false}>
      <Text className="title">养老服务机构名录</Text>
      <Text className="small" style={{ display: 'block', marginBottom: '12px' }}>
        公开的养老服务设施、服务机构及职责、申请流程和服务标准，无需登录
      </Text>
      <Chips
        id="programmes"
        options={(programmes.data ?? []).map((p) => ({ value: p.code, label: p.region.name }))}
        value={code}
        onChange={setPicked}
      />
      <Input
        id="directory-search"
        className="input"
        placeholder="按机构或设施名称搜索"
        value={q}
        onInput={(e) => setQ(e.detail.value)}
      />
      <LoadState
        id="directory"
        loading={programmes.loading || dir.loading}
        error={programmes.error ?? dir.error}
        empty={false}
        retry={() => (programmes.error ? programmes.reload() : dir.reload())}
        emptyText=""
      />
      {dir.data ? (
        <>
          <Text className="small" style={{ display: 'block', margin: '8px 0' }}>
            {dir.data.name}（{dir.data.issuer}
            {dir.data.documentNumber && !dir.data.name.includes(dir.data.documentNumber)
              ? ` ${dir.data.documentNumber}`
              : ''}
            ）
          </Text>
          <Text className="title">养老服务设施</Text>
          {facilities.length ? (
            facilities.map((f) => (
              <View className="card facility" key={`${f.name}-${f.address}`}>
                <Text className="title" style={{ display: 'block' }}>
                  {f.name}
                </Text>
                <Text style={{ display: 'block' }}>
                  {f.kindLabel} · {f.status}
                  {f.kitchenCamera ? ' · 明厨亮灶已上线' : ''}
                </Text>
                <Text className="small" style={{ display: 'block' }}>
                  {/* The address usually names the street and community already. */}
                  {[f.street, f.community].filter((p) => p && !f.address.includes(p)).join(' ')} {f.address}
                </Text>
                {f.operator ? (
                  <Text className="small" style={{ display: 'block' }}>
                    运营机构：{f.operator}
                  </Text>
                ) : null}
              </View>
            ))
          ) : (
            <View className="card state" id="facilities-empty">
              <Text className="muted">{query ? '没有符合条件的设施' : '暂无公开的养老服务设施'}</Text>
            </View>
          )}
          <Text className="title">服务机构及职责</Text>
          {providers.length ? (
            providers.map((p) => (
              <View className="card provider" key={p.name}>
                <Text className="title" style={{ display: 'block' }}>
                  {p.name}
                </Text>
                <Text style={{ display: 'block' }}>{p.duties}</Text>
                {p.areas.length ? (
                  <Text className="small" style={{ display: 'block' }}>
                    服务片区：{p.areas.join('、')}
                  </Text>
                ) : null}
              </View>
            ))
          ) : (
            <View className="card state" id="providers-empty">
              <Text className="muted">{query ? '没有符合条件的机构' : '暂无公开的服务机构'}</Text>
            </View>
          )}
          <Text className="title">申请办理流程</Text>
          <View className="card" id="procedure">
            {dir.data.procedure.map((s) => (
              <Text key={s.step} style={{ display: 'block' }}>
                {s.step}. {s.name}
                {s.by ? `（${s.by}）` : ''}
                {s.days ? ` ${s.days} 天` : ''}
              </Text>
            ))}
            <Text className="small" style={{ display: 'block' }}>
              依据：{dir.data.procedureSource}
            </Text>
          </View>
          <Text className="title">服务标准</Text>
          {dir.data.standards.map((s) => (
            <View className="card standard" key={`${s.category}-${s.name}`}>
              <Text style={{ display: 'block' }}>
                {s.category} · {s.name}
              </Text>
              <Text className="small" style={{ display: 'block' }}>
                {s.standard}
              </Text>
            </View>
          ))}
        </>
      ) : null}
    </Page>
  );
}
