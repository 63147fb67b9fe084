// 名单: elders (street, community, category, status, search), orders, providers and their
// caregivers, complaints and alerts. Each list pages on screen and exports what it shows.
import { Button, Input, Select, Space, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { gql } from '../api/client';
import {
  AlertsDocument,
  ComplaintsDocument,
  EldersDocument,
  OrdersDocument,
  PoliciesDocument,
  ProviderCaregiversDocument,
  ProvidersDocument,
  RegionsDocument,
  type AlertsQuery,
  type ComplaintsQuery,
  type EldersQuery,
  type ElderStatus,
  type OrderRowFragment,
  type ProviderCaregiversQuery,
  type ProvidersQuery,
} from '../api/generated';
import { allPages } from '../lib/connection';
import { dateTime, hoursMinutes, monthLabel, yuan } from '../lib/format';
import {
  ALERT_KIND,
  ALERT_STATUS,
  COMPLAINT_STATUS,
  ELDER_STATUS,
  GENDER,
  label,
  ORDER_STATUS,
  PROVIDER_STATUS,
} from '../lib/labels';
import { ListCard } from '../lib/ListCard';
import { MonthPicker, useMonth } from '../lib/month';
import { go } from '../lib/route';
import { useUser } from '../lib/session';

type Elder = EldersQuery['elders']['edges'][number]['node'];

function useRegions(parentCode: string | undefined) {
  const [rows, setRows] = useState<{ code: string; name: string }[]>([]);
  useEffect(() => {
    if (!parentCode) return setRows([]);
    gql(RegionsDocument, { parentCode }).then(
      (r) => setRows(r.regions),
      () => setRows([]),
    );
  }, [parentCode]);
  return rows;
}

function EldersList() {
  const user = useUser();
  const atStreet = user.region?.level === 'STREET';
  const [street, setStreet] = useState<string>();
  const [community, setCommunity] = useState<string>();
  const [status, setStatus] = useState<ElderStatus>();
  const [category, setCategory] = useState<string>();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<Elder[]>([]);
  const [loading, setLoading] = useState(false);
  const [categories, setCategories] = useState<{ code: string; name: string }[]>([]);
  const streets = useRegions(atStreet ? undefined : user.region?.code);
  const communities = useRegions(atStreet ? user.region?.code : street);

  useEffect(() => {
    gql(PoliciesDocument).then(
      (r) => {
        const seen = new Map<string, string>();
        for (const p of r.policies) for (const c of p.categories) seen.set(c.code, c.name);
        setCategories([...seen].map(([code, name]) => ({ code, name })));
      },
      () => {},
    );
  }, []);
  useEffect(() => {
    setLoading(true);
    const filter = { communityCode: community ?? street, status, category, search: query || undefined };
    allPages((after) => gql(EldersDocument, { filter, first: 100, after }).then((r) => r.elders)).then(
      (all) => {
        setRows(all);
        setLoading(false);
      },
      () => setLoading(false),
    );
  }, [street, community, status, category, query]);

  const categoryName = (code: string | undefined) => categories.find((c) => c.code === code)?.name ?? code ?? '—';
  return (
    <ListCard<Elder>
      title="老人名单"
      file="老人名单"
      testId="elders"
      rows={rows}
      loading={loading}
      filters={
        <Space wrap>
          {!atStreet && (
            <Select
              allowClear
              placeholder="街道（乡镇）"
              style={{ width: 160 }}
              value={street}
              options={streets.map((s) => ({ value: s.code, label: s.name }))}
              onChange={(v) => {
                setStreet(v);
                setCommunity(undefined);
              }}
            />
          )}
          <Select
            allowClear
            placeholder="社区（村）"
            style={{ width: 160 }}
            value={community}
            options={communities.map((s) => ({ value: s.code, label: s.name }))}
            onChange={setCommunity}
          />
          <Select
            allowClear
            placeholder="服务对象类别"
            style={{ width: 200 }}
            value={category}
            options={categories.map((c) => ({ value: c.code, label: c.name }))}
            onChange={setCategory}
          />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 120 }}
            value={status}
            options={Object.entries(ELDER_STATUS).map(([value, l]) => ({ value, label: l }))}
            onChange={setStatus}
          />
          <Input.Search
            placeholder="姓名、电话或身份证号"
            style={{ width: 240 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => setQuery(v.trim())}
            allowClear
          />
        </Space>
      }
      columns={[
        {
          header: '姓名',
          value: (e) => e.name,
          render: (e) => <a onClick={() => go(`elders/${e.id}`)}>{e.name}</a>,
        },
        { header: '性别', value: (e) => label(GENDER, e.gender), width: 8 },
        { header: '年龄', value: (e) => e.age, width: 8 },
        { header: '身份证号', value: (e) => e.idNumberMasked, width: 22 },
        { header: '街道', value: (e) => e.community.parent?.name },
        { header: '社区', value: (e) => e.community.name },
        { header: '类别', value: (e) => (e.enrolment ? categoryName(e.enrolment.category) : '—'), width: 24 },
        { header: '项目', value: (e) => e.enrolment?.policy.name, width: 30 },
        { header: '状态', value: (e) => label(ELDER_STATUS, e.status) },
      ]}
    />
  );
}

type Order = OrderRowFragment;
function OrdersList() {
  const month = useMonth();
  const [rows, setRows] = useState<Order[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    setLoading(true);
    const from = new Date(`${month}-01T00:00:00+08:00`);
    const to = new Date(from);
    to.setUTCMonth(to.getUTCMonth() + 1);
    const filter = { from: from.toISOString(), to: to.toISOString() };
    allPages((after) => gql(OrdersDocument, { filter, first: 100, after }).then((r) => r.orders)).then(
      (all) => {
        setRows(all);
        setLoading(false);
      },
      () => setLoading(false),
    );
  }, [month]);
  return (
    <ListCard<Order>
      title={`${monthLabel(month)}工单`}
      file={`工单-${month}`}
      testId="orders"
      rows={rows}
      loading={loading}
      filters={<MonthPicker />}
      columns={[
        { header: '工单号', value: (o) => o.ref },
        {
          header: '老人',
          value: (o) => o.elder.name,
          render: (o) => <a onClick={() => go(`elders/${o.elder.id}`)}>{o.elder.name}</a>,
        },
        { header: '社区', value: (o) => o.elder.community.name },
        { header: '服务项目', value: (o) => o.service.name },
        { header: '预约时间', value: (o) => dateTime(o.scheduledAt), width: 18 },
        { header: '服务机构', value: (o) => o.provider?.name, width: 24 },
        { header: '护理员', value: (o) => o.caregiver?.name },
        { header: '服务时长', value: (o) => hoursMinutes(o.visit?.durationMinutes) },
        { header: '金额', value: (o) => yuan(o.amountFen) },
        { header: '补贴', value: (o) => yuan(o.subsidyFen) },
        { header: '自付', value: (o) => yuan(o.selfPaidFen) },
        { header: '状态', value: (o) => label(ORDER_STATUS, o.status) },
      ]}
    />
  );
}

type Provider = ProvidersQuery['providers'][number];
type Caregiver = ProviderCaregiversQuery['provider']['caregivers'][number];
function ProvidersList() {
  const user = useUser();
  const [rows, setRows] = useState<Provider[]>([]);
  const [open, setOpen] = useState<Provider | null>(null);
  const [caregivers, setCaregivers] = useState<Caregiver[]>([]);
  useEffect(
    () =>
      void gql(ProvidersDocument).then(
        (r) => setRows(r.providers),
        () => {},
      ),
    [],
  );
  useEffect(() => {
    if (!open) return;
    gql(ProviderCaregiversDocument, { id: open.id }).then(
      (r) => setCaregivers(r.provider.caregivers),
      () => {},
    );
  }, [open]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ListCard<Provider>
        title="服务机构"
        file="服务机构"
        testId="providers"
        rows={rows}
        columns={[
          { header: '机构名称', value: (p) => p.name, width: 30 },
          { header: '统一社会信用代码', value: (p) => p.creditCode, width: 22 },
          { header: '联系人', value: (p) => p.contactName },
          { header: '电话', value: (p) => p.contactPhone },
          { header: '状态', value: (p) => label(PROVIDER_STATUS, p.status) },
          {
            header: '护理员',
            value: () => '',
            render: (p) =>
              user.role === 'DISTRICT_ADMIN' ? (
                <Button size="small" onClick={() => setOpen(p)}>
                  护理员名册
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {open && (
        <ListCard<Caregiver>
          title={`${open.name} 护理员名册`}
          file={`护理员-${open.name}`}
          rows={caregivers}
          columns={[
            { header: '姓名', value: (c) => c.name },
            { header: '电话', value: (c) => c.phone },
            { header: '技能', value: (c) => c.skills.join('、'), width: 30 },
            {
              header: '证书',
              value: (c) => c.certificates.map((x) => `${x.kind}（至 ${x.expiresOn}）`).join('；'),
              width: 40,
            },
            { header: '在职', value: (c) => (c.active ? '在职' : '离职') },
          ]}
        />
      )}
    </Space>
  );
}

type Complaint = ComplaintsQuery['complaints']['edges'][number]['node'];
function ComplaintsList() {
  const [rows, setRows] = useState<Complaint[]>([]);
  useEffect(() => {
    allPages((after) => gql(ComplaintsDocument, { first: 100, after }).then((r) => r.complaints)).then(
      setRows,
      () => {},
    );
  }, []);
  return (
    <ListCard<Complaint>
      title="投诉"
      file="投诉"
      testId="complaints"
      rows={rows}
      columns={[
        { header: '投诉内容', value: (c) => c.content, width: 40 },
        { header: '受理时间', value: (c) => dateTime(c.createdAt), width: 18 },
        { header: '办结期限', value: (c) => dateTime(c.dueAt), width: 18 },
        { header: '机构答复', value: (c) => c.response, width: 30 },
        { header: '办结时间', value: (c) => dateTime(c.closedAt), width: 18 },
        {
          header: '按期',
          value: (c) => (c.closedAt ? (c.closedAt <= c.dueAt ? '按期' : '超期') : '未办结'),
          render: (c) =>
            c.closedAt ? (
              <Tag color={c.closedAt <= c.dueAt ? 'green' : 'red'}>{c.closedAt <= c.dueAt ? '按期' : '超期'}</Tag>
            ) : (
              '未办结'
            ),
        },
        { header: '状态', value: (c) => label(COMPLAINT_STATUS, c.status) },
      ]}
    />
  );
}

type AlertRow = AlertsQuery['alerts']['edges'][number]['node'];
function AlertsList() {
  const [rows, setRows] = useState<AlertRow[]>([]);
  useEffect(() => {
    allPages((after) => gql(AlertsDocument, { first: 100, after }).then((r) => r.alerts)).then(setRows, () => {});
  }, []);
  return (
    <ListCard<AlertRow>
      title="告警"
      file="告警"
      testId="alerts"
      rows={rows}
      columns={[
        { header: '编号', value: (a) => a.ref },
        { header: '类型', value: (a) => label(ALERT_KIND, a.kind) },
        { header: '老人', value: (a) => a.elderMaskedName },
        { header: '社区', value: (a) => a.community.name },
        { header: '原因', value: (a) => a.reason, width: 40 },
        { header: '发生时间', value: (a) => dateTime(a.raisedAt), width: 18 },
        { header: '状态', value: (a) => label(ALERT_STATUS, a.status) },
        { header: '处理结果', value: (a) => a.outcome, width: 30 },
      ]}
    />
  );
}

export function ListsPage({ tab }: { tab?: string }) {
  return (
    <Tabs
      activeKey={tab ?? 'elders'}
      onChange={(k) => go(`lists/${k}`)}
      destroyOnHidden
      items={[
        { key: 'elders', label: '老人', children: <EldersList /> },
        { key: 'orders', label: '工单', children: <OrdersList /> },
        { key: 'providers', label: '服务机构与护理员', children: <ProvidersList /> },
        { key: 'complaints', label: '投诉', children: <ComplaintsList /> },
        { key: 'alerts', label: '告警', children: <AlertsList /> },
      ]}
    />
  );
}
