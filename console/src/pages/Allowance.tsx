// 发放: this month's allowance run. The run is idempotent on the server (one credit per elder,
// bucket and month), so pressing it twice credits nobody twice; the result says how many.
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { gql } from '../api/client';
import { RunMonthlyAllowanceDocument, type RunMonthlyAllowanceMutation } from '../api/generated';
import { count, monthLabel } from '../lib/format';
import { serverMonth } from '../lib/month';
import { isDistrict, useUser } from '../lib/session';

export function AllowancePage() {
  const user = useUser();
  const { message } = App.useApp();
  const [month] = useState(serverMonth);
  const [result, setResult] = useState<RunMonthlyAllowanceMutation['runMonthlyAllowance'] | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    try {
      const r = await gql(RunMonthlyAllowanceDocument, { month });
      setResult(r.runMonthlyAllowance);
      message.success(`已发放 ${r.runMonthlyAllowance.credited} 人`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{monthLabel(month)} 补贴发放</Typography.Title>
      <Card size="small">
        <Typography.Paragraph>
          向本辖区在册老人发放{monthLabel(month)}的服务补贴（按各项目政策文件规定的额度）。 系统每月 1
          日自动发放一次；已发放的老人不会重复入账。
        </Typography.Paragraph>
        {isDistrict(user) ? (
          <Popconfirm
            title={`确认发放${monthLabel(month)}补贴？`}
            description="发放后记入账户流水和审计日志。"
            okText="确认发放"
            onConfirm={run}
          >
            <Button type="primary" loading={busy}>
              发放本月补贴
            </Button>
          </Popconfirm>
        ) : (
          <Alert type="info" title="月度补贴由区（县）民政部门发放。" />
        )}
      </Card>
      {result && (
        <Card size="small" title="发放结果" data-testid="allowance-result">
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="本次入账">
              <span data-testid="credited">{count(result.credited)}</span> 人
            </Descriptions.Item>
            <Descriptions.Item label="已发放过（跳过）">{count(result.skipped)} 人</Descriptions.Item>
            <Descriptions.Item label="到期清零">{count(result.expired)} 笔</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
