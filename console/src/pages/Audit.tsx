// 审计: who did what. Reads the auditLog query when the server offers it.
import { Alert, Typography } from 'antd';

export function AuditPage() {
  return (
    <>
      <Typography.Title level={4}>审计日志</Typography.Title>
      <Alert type="info" title="审计日志查询接口尚未开放。" />
    </>
  );
}
