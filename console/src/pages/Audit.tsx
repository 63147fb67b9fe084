// 审计: who did what in the district, newest first, filtered by object type, operation and time.
import { Alert, Button, DatePicker, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { gql } from '../api/client';
import { AuditLogDocument, type AuditLogQuery } from '../api/generated';
import { allPages } from '../lib/connection';
import { dateTime } from '../lib/format';
import { label, ROLE } from '../lib/labels';
import { ListCard } from '../lib/ListCard';
import { isDistrict, useUser } from '../lib/session';

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];

const ACTION: Record<string, string> = {
  SETTLEMENT_BUILT: '生成结算单',
  SETTLEMENT_APPROVED: '审核结算单',
  SETTLEMENT_PAID: '登记付款',
  SETTLEMENT_HELD: '暂缓结算单',
  SETTLEMENT_HOLD_RELEASED: '取消暂缓',
  COMPLAINT_CLOSED: '回访办结投诉',
  COMPLAINT_REOPENED: '投诉退回重办',
  SETTLEMENT_EXPORTED: '导出结算报表',
  VISIT_EXCEPTION_RESOLVED: '复核异常工单',
  ALERT_RESOLVED: '处理告警',
  ALERT_ACKNOWLEDGED: '签收告警',
  VISITS_EXPORTED: '导出上门服务明细',
  ID_NUMBER_VIEWED: '查看完整身份证号',
  VISIT_CONFIRMED_BY_CALL: '电话回访确认服务',
};

export function AuditPage() {
  const user = useUser();
  const [rows, setRows] = useState<Entry[]>([]);
  const [entity, setEntity] = useState('');
  const [action, setAction] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!isDistrict(user)) return;
    const filter = {
      entity: entity.trim() || undefined,
      action: action.trim() || undefined,
      since: range?.[0]?.startOf('day').toISOString(),
      until: range?.[1]?.add(1, 'day').startOf('day').toISOString(),
    };
    setError(null);
    allPages((after) => gql(AuditLogDocument, { filter, first: 100, after }).then((r) => r.auditLog), 1000).then(
      setRows,
      (e: Error) => setError(e.message),
    );
    // Filters apply on 查询, not on each keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick, user]);

  if (!isDistrict(user))
    return (
      <>
        <Typography.Title level={4}>审计日志</Typography.Title>
        <Alert type="info" title="审计日志由区（县）民政部门查看。" />
      </>
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>审计日志</Typography.Title>
      {error && <Alert type="error" title={error} />}
      <ListCard<Entry>
        title="审计日志"
        file="审计日志"
        testId="audit"
        rows={rows}
        filters={
          <Space wrap>
            <Input placeholder="对象类型，如 Settlement" value={entity} onChange={(e) => setEntity(e.target.value)} />
            <Input placeholder="操作，如 SETTLEMENT_PAID" value={action} onChange={(e) => setAction(e.target.value)} />
            <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
            <Button type="primary" onClick={() => setTick((n) => n + 1)}>
              查询
            </Button>
          </Space>
        }
        columns={[
          { header: '时间', value: (r) => dateTime(r.at), width: 18 },
          { header: '操作人', value: (r) => r.actorName, width: 18 },
          { header: '角色', value: (r) => label(ROLE, r.actorRole), width: 16 },
          { header: '操作', value: (r) => ACTION[r.action] ?? r.action, width: 20 },
          { header: '对象', value: (r) => r.entity },
          { header: '对象编号', value: (r) => r.entityId, width: 38 },
          { header: '详情', value: (r) => r.detail, width: 50 },
        ]}
      />
    </Space>
  );
}
