import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { gql, session } from '../api/client';
import { ConsoleLoginDocument, type ConsoleUserFragment } from '../api/generated';

const STAFF_ROLES = new Set(['DISTRICT_ADMIN', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'OPERATOR']);

export function LoginPage({
  onSignedIn,
  onDirectory,
}: {
  onSignedIn: (u: ConsoleUserFragment) => void;
  /** The public 养老服务机构名录 (002 二(三)10), for a citizen who lands here without an account. */
  onDirectory?: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const r = await gql(ConsoleLoginDocument, values);
      if (!STAFF_ROLES.has(r.passwordLogin.user.role)) {
        setError('监管平台供民政、街道、社区和呼叫中心工作人员使用；服务机构和家属请使用各自的应用。');
        return;
      }
      session.set(r.passwordLogin.token);
      onSignedIn(r.passwordLogin.user);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#1d4f91' }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          居家养老服务监管平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          民政 · 街道 · 社区工作人员登录
        </Typography.Paragraph>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input id="username" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password id="password" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        {onDirectory && (
          <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16, marginBottom: 0 }}>
            <Typography.Link onClick={onDirectory} data-testid="to-directory">
              养老服务机构名录（无需登录）
            </Typography.Link>
          </Typography.Paragraph>
        )}
      </Card>
    </div>
  );
}
