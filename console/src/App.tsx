import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  FundOutlined,
  GiftOutlined,
  LogoutOutlined,
  MoneyCollectOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { gql, session, whenSignedOut } from './api/client';
import { ConsoleMeDocument, type ConsoleUserFragment } from './api/generated';
import { label, ROLE } from './lib/labels';
import { loadServerTime } from './lib/month';
import { go, useRoute } from './lib/route';
import { UserContext } from './lib/session';
import { AllowancePage } from './pages/Allowance';
import { AnalysisPage } from './pages/Analysis';
import { AuditPage } from './pages/Audit';
import { DashboardPage } from './pages/Dashboard';
import { DirectoryPage } from './pages/Directory';
import { ElderDetailPage } from './pages/ElderDetail';
import { ExceptionsPage } from './pages/Exceptions';
import { ListsPage } from './pages/Lists';
import { LoginPage } from './pages/Login';
import { PoliciesPage } from './pages/Policies';
import { SettlementPage } from './pages/Settlement';

const MENU = [
  { key: 'dashboard', icon: <BarChartOutlined />, label: '看板' },
  { key: 'analysis', icon: <FundOutlined />, label: '分析与目标' },
  { key: 'exceptions', icon: <AlertOutlined />, label: '异常与监管' },
  { key: 'lists', icon: <TeamOutlined />, label: '名单' },
  { key: 'settlement', icon: <MoneyCollectOutlined />, label: '结算' },
  { key: 'allowance', icon: <GiftOutlined />, label: '发放' },
  { key: 'audit', icon: <AuditOutlined />, label: '审计' },
  { key: 'policies', icon: <BookOutlined />, label: '政策' },
];

export function App() {
  const [user, setUser] = useState<ConsoleUserFragment | null | undefined>(session.token() ? undefined : null);
  const [clock, setClock] = useState<'loading' | 'ready' | 'failed'>('loading');
  const route = useRoute();

  useEffect(() => {
    whenSignedOut(() => setUser(null));
    // Pages default to the server's month, so nothing renders before the server's clock is known.
    loadServerTime().then(
      () => setClock('ready'),
      () => setClock('failed'),
    );
    if (!session.token()) return;
    gql(ConsoleMeDocument).then(
      (r) => setUser(r.me ?? null),
      () => setUser(null),
    );
  }, []);

  // 养老服务机构名录 (002 二(三)10) is public: a citizen reaches it from the console's login page, on the
  // same address the district publishes, and it reads only public queries, so it renders with or
  // without a session. A route here rather than a static page on the server keeps one renderer of the
  // directory on the web, always as current as the API.
  if (route[0] === 'directory')
    return <DirectoryPage onLogin={user === null ? () => go(route[1] ?? 'dashboard') : undefined} />;
  if (clock === 'failed')
    return <Alert type="error" showIcon title="无法连接服务器，请检查网络后刷新页面。" style={{ margin: 48 }} />;
  if (user === undefined || clock === 'loading') return <Spin fullscreen />;
  if (user === null)
    return (
      <LoginPage
        onDirectory={() => go('directory')}
        onSignedIn={(u) => {
          setUser(u);
          if (!route.length) go('dashboard');
        }}
      />
    );

  const [page = 'dashboard', arg] = route;
  const body = (() => {
    switch (page) {
      case 'exceptions':
        return <ExceptionsPage />;
      case 'lists':
        return <ListsPage tab={arg} />;
      case 'elders':
        return <ElderDetailPage id={arg ?? ''} />;
      case 'settlement':
        return <SettlementPage />;
      case 'allowance':
        return <AllowancePage />;
      case 'audit':
        return <AuditPage />;
      case 'policies':
        return <PoliciesPage />;
      case 'analysis':
        return <AnalysisPage />;
      default:
        return <DashboardPage />;
    }
  })();
  const selected = page === 'elders' ? 'lists' : page;

  return (
    <UserContext.Provider value={user}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24 }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
            颐联 · 居家养老服务监管平台
          </Typography.Title>
          <div style={{ flex: 1 }} />
          <Space data-testid="who" style={{ color: '#fff' }}>
            <span>{user.displayName}</span>
            <Tag color="gold">{label(ROLE, user.role)}</Tag>
            <span data-testid="area">{user.region?.name ?? '—'}</span>
            <Button
              size="small"
              icon={<LogoutOutlined />}
              onClick={() => {
                session.clear();
                setUser(null);
              }}
            >
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout>
          <Layout.Sider width={180} theme="light">
            <Menu mode="inline" selectedKeys={[selected]} items={MENU} onClick={(e) => go(e.key)} />
          </Layout.Sider>
          <Layout.Content style={{ padding: 24, background: '#f3f5f8' }}>{body}</Layout.Content>
        </Layout>
      </Layout>
    </UserContext.Provider>
  );
}
