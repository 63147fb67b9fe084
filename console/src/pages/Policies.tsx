// 政策: each programme as its document states it: who is covered, the monthly allowance and the
// priced service guide, with the clause beside each figure. Read-only: programmes change by a new
// document version, not from a screen.
import { Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { gql } from '../api/client';
import { PoliciesDocument, ServiceGuideDocument, type PoliciesQuery, type ServiceGuideQuery } from '../api/generated';
import { hoursMinutes, yuan } from '../lib/format';
import { ACCOUNT, label } from '../lib/labels';

type Policy = PoliciesQuery['policies'][number];

function Guide({ code }: { code: string }) {
  const [items, setItems] = useState<ServiceGuideQuery['serviceGuide']>([]);
  useEffect(() => void gql(ServiceGuideDocument, { policyCode: code }).then((r) => setItems(r.serviceGuide)), [code]);
  return (
    <Table
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={{ pageSize: 15 }}
      columns={[
        { title: '类别', dataIndex: 'category' },
        { title: '服务项目', dataIndex: 'name' },
        { title: '单价', render: (_, i) => (i.priceFen === null ? '按协议' : `${yuan(i.priceFen)} / ${i.unit}`) },
        { title: '服务标准', render: (_, i) => i.standard ?? '—' },
      ]}
    />
  );
}

function PolicyView({ p }: { p: Policy }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="项目">{p.name}</Descriptions.Item>
        <Descriptions.Item label="地区">{p.region.name}</Descriptions.Item>
        <Descriptions.Item label="施行日期">
          {p.effectiveFrom}（第 {p.version} 版）
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title="服务对象">
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={p.categories}
          columns={[
            { title: '类别', dataIndex: 'name' },
            { title: '依据条款', render: (_, c) => (c.source ? <Tag>{c.source}</Tag> : '—') },
          ]}
        />
      </Card>
      <Card size="small" title="每月补贴">
        <Table
          rowKey={(a) => a.kind}
          size="small"
          pagination={false}
          dataSource={p.allowances}
          columns={[
            { title: '账户', render: (_, a) => label(ACCOUNT, a.kind) },
            { title: '每月额度', render: (_, a) => (a.unit === 'MINUTE' ? hoursMinutes(a.amount) : yuan(a.amount)) },
            {
              title: '每小时补贴上限',
              render: (_, a) => (a.maxRateFenPerHour === null ? '—' : yuan(a.maxRateFenPerHour)),
            },
            { title: '依据条款', render: (_, a) => <Tag color="blue">{a.source}</Tag> },
          ]}
        />
      </Card>
      <Card size="small" title="服务指南（项目与单价）">
        <Guide code={p.code} />
      </Card>
    </Space>
  );
}

export function PoliciesPage() {
  const [policies, setPolicies] = useState<Policy[]>([]);
  useEffect(() => void gql(PoliciesDocument).then((r) => setPolicies(r.policies)), []);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>政策文件（只读）</Typography.Title>
      <Typography.Text type="secondary">
        各项目的规则来自其政策文件，每个数字旁注明条款；修改政策须发布新版本文件。
      </Typography.Text>
      <Tabs items={policies.map((p) => ({ key: p.code, label: p.name, children: <PolicyView p={p} /> }))} />
    </Space>
  );
}
