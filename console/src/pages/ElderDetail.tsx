// One elder: the record, the wallet statement, orders, visits with their photos, and complaints.
import { Alert, Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { gql } from '../api/client';
import {
  ComplaintsDocument,
  ElderDetailDocument,
  OrdersDocument,
  type ComplaintsQuery,
  type ElderDetailQuery,
  type OrderRowFragment,
} from '../api/generated';
import { AuthImage } from '../lib/AuthImage';
import { dateTime, hoursMinutes, yuan } from '../lib/format';
import { ACCOUNT, COMPLAINT_STATUS, ELDER_STATUS, GENDER, label, ORDER_STATUS, TRANSACTION } from '../lib/labels';
import { go } from '../lib/route';

type Elder = NonNullable<ElderDetailQuery['elder']>;
type Complaint = ComplaintsQuery['complaints']['edges'][number]['node'];
const amount = (unit: string, n: number) => (unit === 'MINUTE' ? hoursMinutes(n) : yuan(n));

export function ElderDetailPage({ id }: { id: string }) {
  const [elder, setElder] = useState<Elder | null>();
  const [complaints, setComplaints] = useState<Complaint[]>([]);
  // The elder's orders come as their own request: the API caps a query's cost, and a wallet
  // statement and a hundred orders with their visits in one query would pass it.
  const [orders, setOrders] = useState<OrderRowFragment[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql(ElderDetailDocument, { id }).then(
      (r) => setElder(r.elder),
      (e: Error) => setError(e.message),
    );
    gql(OrdersDocument, { filter: { elderId: id }, first: 100 }).then(
      (r) => setOrders(r.orders.edges.map((e) => e.node)),
      () => {},
    );
    gql(ComplaintsDocument, { filter: { elderId: id }, first: 100 }).then(
      (r) => setComplaints(r.complaints.edges.map((e) => e.node)),
      () => {},
    );
  }, [id]);
  if (error) return <Alert type="error" title={error} />;
  if (!elder) return null;
  const visits = orders.filter((o) => o.visit?.checkInAt);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="elder-detail">
      <Button onClick={() => go('lists/elders')}>返回名单</Button>
      <Card title={`${elder.name}（${label(ELDER_STATUS, elder.status)}）`} size="small">
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="性别">{label(GENDER, elder.gender)}</Descriptions.Item>
          <Descriptions.Item label="年龄">{elder.age}</Descriptions.Item>
          <Descriptions.Item label="身份证号">{elder.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label="电话">{elder.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="社区">
            {elder.community.parent?.name} {elder.community.name}
          </Descriptions.Item>
          <Descriptions.Item label="地址">{elder.address}</Descriptions.Item>
          <Descriptions.Item label="项目">{elder.enrolment?.policy.name ?? '未纳入'}</Descriptions.Item>
          <Descriptions.Item label="纳入日期">{elder.enrolment?.startedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="家属">
            {elder.family.map((f) => `${f.name}（${f.relation}）`).join('、') || '—'}
          </Descriptions.Item>
        </Descriptions>
        <Space wrap>
          {elder.wallet.accounts.map((a) => (
            <Tag key={a.kind} color="blue">
              {label(ACCOUNT, a.kind)}：可用 {amount(a.unit, a.available)}（冻结 {amount(a.unit, a.held)}）
            </Tag>
          ))}
        </Space>
      </Card>
      <Tabs
        items={[
          {
            key: 'wallet',
            label: `账户流水（${elder.wallet.transactions.totalCount}）`,
            children: (
              <Table
                rowKey="id"
                size="small"
                dataSource={elder.wallet.transactions.edges.map((e) => e.node)}
                columns={[
                  { title: '时间', render: (_, t) => dateTime(t.at) },
                  { title: '类型', render: (_, t) => label(TRANSACTION, t.kind) },
                  { title: '账户', render: (_, t) => label(ACCOUNT, t.account) },
                  { title: '金额', render: (_, t) => amount(t.unit, t.amount) },
                  { title: '说明', dataIndex: 'memo' },
                ]}
              />
            ),
          },
          {
            key: 'orders',
            label: `工单（${orders.length}）`,
            children: (
              <Table
                rowKey="id"
                size="small"
                dataSource={orders}
                columns={[
                  { title: '工单号', dataIndex: 'ref' },
                  { title: '服务项目', render: (_, o) => o.service.name },
                  { title: '预约时间', render: (_, o) => dateTime(o.scheduledAt) },
                  { title: '服务机构', render: (_, o) => o.provider?.name ?? '—' },
                  { title: '金额', render: (_, o) => yuan(o.amountFen) },
                  { title: '状态', render: (_, o) => label(ORDER_STATUS, o.status) },
                ]}
              />
            ),
          },
          {
            key: 'visits',
            label: `上门记录（${visits.length}）`,
            children: (
              <Table
                rowKey="id"
                size="small"
                dataSource={visits}
                columns={[
                  { title: '服务项目', render: (_, o) => o.service.name },
                  { title: '护理员', render: (_, o) => o.caregiver?.name ?? '—' },
                  { title: '签到', render: (_, o) => dateTime(o.visit?.checkInAt) },
                  { title: '签退', render: (_, o) => dateTime(o.visit?.checkOutAt) },
                  { title: '时长', render: (_, o) => hoursMinutes(o.visit?.durationMinutes) },
                  { title: '签到距离', render: (_, o) => (o.visit?.checkInDistanceM ?? '—') + ' 米' },
                  {
                    title: '照片',
                    render: (_, o) => (
                      <Space>
                        {o.visit?.photoUrls.map((u) => (
                          <AuthImage key={u} src={u} />
                        ))}
                      </Space>
                    ),
                  },
                  { title: '评价', render: (_, o) => (o.rating ? `${o.rating.stars} 星` : '—') },
                ]}
              />
            ),
          },
          {
            key: 'complaints',
            label: `投诉（${complaints.length}）`,
            children: (
              <Table
                rowKey="id"
                size="small"
                dataSource={complaints}
                columns={[
                  { title: '内容', dataIndex: 'content' },
                  { title: '受理时间', render: (_, c) => dateTime(c.createdAt) },
                  { title: '答复', render: (_, c) => c.response ?? '—' },
                  { title: '状态', render: (_, c) => label(COMPLAINT_STATUS, c.status) },
                ]}
              />
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">此页面的查看已由服务器按您的角色和辖区过滤。</Typography.Text>
    </Space>
  );
}
