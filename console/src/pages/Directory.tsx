// 养老服务机构名录 (002 二(三)10 信息公开): each programme's facilities, providers with their duties,
// the application procedure and the service standards, for anyone, without a session. It reads only
// public queries (policies, publicDirectory), which carry no personal data.
import { Alert, Card, Empty, Input, Select, Space, Spin, Steps, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, gql } from '../api/client';
import { ProgrammeRegionsDocument, PublicDirectoryDocument, type PublicDirectoryQuery } from '../api/generated';

type Directory = PublicDirectoryQuery['publicDirectory'];

const matches = (q: string, ...texts: (string | null | undefined)[]) =>
  !q || texts.some((t) => t?.toLowerCase().includes(q.toLowerCase()));

export function DirectoryPage({ onLogin }: { onLogin?: () => void }) {
  const [programmes, setProgrammes] = useState<{ value: string; label: string }[]>();
  const [code, setCode] = useState<string>();
  const [dir, setDir] = useState<Directory>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [q, setQ] = useState('');

  useEffect(() => {
    gql(ProgrammeRegionsDocument).then(
      (r) => {
        const list = r.policies.map((p) => ({ value: p.code, label: `${p.region.name} · ${p.name}` }));
        setProgrammes(list);
        setCode((c) => c ?? list[0]?.value);
      },
      () => setError('无法加载养老服务项目，请稍后刷新页面。'),
    );
  }, []);

  useEffect(() => {
    if (!code) return;
    let live = true;
    setLoading(true);
    setError(null);
    gql(PublicDirectoryDocument, { policyCode: code }).then(
      (r) => {
        if (!live) return;
        setDir(r.publicDirectory);
        setLoading(false);
      },
      (e) => {
        if (!live) return;
        setError(e instanceof ApiError ? e.message : '名录加载失败，请稍后重试。');
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [code]);

  const facilities = dir?.facilities.filter((f) => matches(q, f.name, f.operator, f.street, f.community)) ?? [];
  const providers = dir?.providers.filter((p) => matches(q, p.name, ...p.areas)) ?? [];

  return (
    <div style={{ minHeight: '100vh', background: '#f3f5f8', padding: 24 }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 1200, margin: '0 auto' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            养老服务机构名录
          </Typography.Title>
          {onLogin && (
            <Typography.Link onClick={onLogin} data-testid="to-login">
              工作人员登录
            </Typography.Link>
          )}
        </Space>
        <Typography.Text type="secondary">
          公开的养老服务设施、服务机构及其职责、申请办理流程和服务标准，无需登录即可查看。
        </Typography.Text>
        <Space wrap>
          <Select
            style={{ width: 360 }}
            value={code}
            onChange={setCode}
            options={programmes ?? []}
            loading={!programmes}
            data-testid="directory-programme"
            placeholder="选择地区和项目"
          />
          <Input.Search
            allowClear
            style={{ width: 320 }}
            placeholder="按机构或设施名称搜索"
            onSearch={setQ}
            onChange={(e) => setQ(e.target.value)}
            data-testid="directory-search"
          />
        </Space>
        {error && <Alert type="error" showIcon title={error} />}
        <Spin spinning={loading}>
          {dir && (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Typography.Text>
                {dir.issuer}
                {dir.documentNumber && !dir.name.includes(dir.documentNumber) ? `（${dir.documentNumber}）` : ''} ·{' '}
                {dir.name}
              </Typography.Text>
              <Card size="small" title={`养老服务设施（${facilities.length}）`}>
                <Table
                  size="small"
                  rowKey={(f) => `${f.name}-${f.address}`}
                  data-testid="directory-facilities"
                  dataSource={facilities}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: <Empty description={q ? '没有符合条件的设施' : '暂无公开的养老服务设施'} /> }}
                  columns={[
                    { title: '名称', dataIndex: 'name' },
                    { title: '类型', dataIndex: 'kindLabel' },
                    { title: '状态', dataIndex: 'status' },
                    {
                      title: '所在地',
                      key: 'where',
                      render: (_, f) => [f.street, f.community].filter(Boolean).join(' '),
                    },
                    { title: '地址', dataIndex: 'address' },
                    { title: '运营机构', dataIndex: 'operator', render: (o: string | null) => o ?? '—' },
                    {
                      title: '明厨亮灶',
                      dataIndex: 'kitchenCamera',
                      render: (k: boolean) => (k ? <Tag color="green">已上线</Tag> : '—'),
                    },
                  ]}
                />
              </Card>
              <Card size="small" title={`服务机构及职责（${providers.length}）`}>
                <Table
                  size="small"
                  rowKey="name"
                  data-testid="directory-providers"
                  dataSource={providers}
                  pagination={false}
                  locale={{ emptyText: <Empty description={q ? '没有符合条件的机构' : '暂无公开的服务机构'} /> }}
                  columns={[
                    { title: '机构', dataIndex: 'name', width: 260 },
                    { title: '职责', dataIndex: 'duties' },
                    { title: '服务片区', dataIndex: 'areas', render: (a: string[]) => a.join('、') || '—' },
                  ]}
                />
              </Card>
              <Card size="small" title={`申请办理流程（${dir.procedureSource}）`}>
                {dir.procedure.length ? (
                  <Steps
                    orientation="vertical"
                    size="small"
                    current={-1}
                    items={dir.procedure.map((s) => ({
                      title: s.name,
                      content: [s.by, s.days ? `${s.days} 天` : null].filter(Boolean).join(' · '),
                    }))}
                  />
                ) : (
                  <Empty description="暂无办理流程" />
                )}
              </Card>
              <Card size="small" title="服务标准">
                <Table
                  size="small"
                  rowKey={(s) => `${s.category}-${s.name}`}
                  dataSource={dir.standards}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: <Empty description="暂无服务标准" /> }}
                  columns={[
                    { title: '类别', dataIndex: 'category', width: 140 },
                    { title: '服务项目', dataIndex: 'name', width: 200 },
                    { title: '服务标准', dataIndex: 'standard' },
                  ]}
                />
              </Card>
            </Space>
          )}
        </Spin>
      </Space>
    </div>
  );
}
