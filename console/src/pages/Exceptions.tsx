// 异常与监管: the visits flagged before settlement (异常工单), elders with no service for a long
// time, care calls that did not get through, and complaints past their deadline. Each row's
// 去处理 resolves it in place through the API, and the row then shows who did it, when and why.
import { App, Form, Input, InputNumber, Modal, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { gql } from '../api/client';
import {
  AlertsDocument,
  CallTasksDocument,
  ResolveAlertDocument,
  ResolveVisitExceptionDocument,
  VisitExceptionsDocument,
  type AlertsQuery,
  type CallTasksQuery,
  type VisitExceptionsQuery,
} from '../api/generated';
import { AuditLine } from '../lib/AuditLine';
import { GoResolve } from '../lib/GoResolve';
import { allPages } from '../lib/connection';
import { dateTime, monthLabel, yuan } from '../lib/format';
import { ALERT_KIND, ALERT_STATUS, CALL_STATUS, EXCEPTION_REASON, EXCEPTION_STATUS, label } from '../lib/labels';
import { MonthPicker, useMonth } from '../lib/month';
import { useResolveInPlace } from '../lib/resolve-in-place';
import { useUser } from '../lib/session';
import { OverdueComplaints } from './OverdueComplaints';

type Exception = VisitExceptionsQuery['visitExceptions']['edges'][number]['node'];
type AlertRow = AlertsQuery['alerts']['edges'][number]['node'];
type Call = CallTasksQuery['callTasks']['edges'][number]['node'];

const done = (who: string | null, at: string | null | undefined, why: string | null | undefined) => (
  <AuditLine who={who} at={at} why={why} />
);

function ExceptionsTab() {
  const month = useMonth();
  const user = useUser();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Exception[]>([]);
  const { mine, editing, setEditing, resolve } = useResolveInPlace<Exception>();
  const [form] = Form.useForm<{ resolution: 'ACCEPT' | 'ADJUST' | 'REJECT'; amountYuan?: number; note: string }>();
  const load = useCallback(
    () =>
      allPages((after) =>
        gql(VisitExceptionsDocument, { filter: { month }, first: 100, after }).then((r) => r.visitExceptions),
      ).then(setRows, (e: Error) => message.error(e.message)),
    [month, message],
  );
  useEffect(() => void load(), [load]);

  async function submit() {
    // A missing note is shown under the field by the form; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await resolve(async (row) => {
      const input = {
        id: row.id,
        resolution: v.resolution,
        note: v.note,
        amountFen: v.resolution === 'ADJUST' ? Math.round((v.amountYuan ?? 0) * 100) : undefined,
      };
      await gql(ResolveVisitExceptionDocument, { input });
      return '已处理，记入审计日志';
    }, load);
  }

  return (
    <>
      <Table<Exception>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '月份', dataIndex: 'month', render: monthLabel, width: 100 },
          { title: '服务机构', render: (_, r) => r.provider.name },
          { title: '异常类型', render: (_, r) => label(EXCEPTION_REASON, r.reason) },
          { title: '情况', dataIndex: 'detail' },
          {
            title: '状态',
            render: (_, r) => (
              <Tag color={r.status === 'OPEN' ? 'red' : 'green'}>{label(EXCEPTION_STATUS, r.status)}</Tag>
            ),
          },
          { title: '核减金额', render: (_, r) => (r.reversedFen ? yuan(r.reversedFen) : '—') },
          {
            title: '操作',
            render: (_, r) =>
              r.status === 'OPEN' ? (
                <GoResolve row={r} open={setEditing} reset={() => form.resetFields()} />
              ) : (
                done(mine.has(r.id) ? user.displayName : null, r.resolvedAt, r.note)
              ),
          },
        ]}
      />
      <Modal title="复核异常工单" open={!!editing} onOk={submit} onCancel={() => setEditing(null)} okText="确认处理">
        <Typography.Paragraph>{editing?.detail}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ resolution: 'ACCEPT' }}>
          <Form.Item name="resolution" label="复核结论">
            <Radio.Group>
              <Radio value="ACCEPT">认可（照常结算）</Radio>
              <Radio value="ADJUST">核减部分金额</Radio>
              <Radio value="REJECT">不予结算</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              form.getFieldValue('resolution') === 'ADJUST' && (
                <Form.Item
                  name="amountYuan"
                  label="核减金额（元）"
                  rules={[{ required: true, message: '请填写核减金额' }]}
                >
                  <InputNumber min={0.01} step={1} precision={2} style={{ width: 200 }} />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="note" label="复核意见" rules={[{ required: true, message: '请填写复核意见，记入审计' }]}>
            <Input.TextArea id="note" rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Alerts of the given kinds, each resolved with an outcome (归档 with the reason). */
function AlertsTab({ kinds }: { kinds: string[] }) {
  const user = useUser();
  const { message } = App.useApp();
  const [rows, setRows] = useState<AlertRow[]>([]);
  const { mine, editing, setEditing, resolve } = useResolveInPlace<AlertRow>();
  const [outcome, setOutcome] = useState('');
  const key = kinds.join(',');
  const load = useCallback(async () => {
    const lists = await Promise.all(
      key
        .split(',')
        .map((kind) =>
          allPages((after) =>
            gql(AlertsDocument, { filter: { kind: kind as AlertRow['kind'] }, first: 100, after }).then(
              (r) => r.alerts,
            ),
          ),
        ),
    );
    setRows(lists.flat().sort((a, b) => b.raisedAt.localeCompare(a.raisedAt)));
  }, [key]);
  useEffect(() => void load().catch((e: Error) => message.error(e.message)), [load, message]);

  async function submit() {
    if (!outcome.trim()) return message.warning('请填写处理结果，记入审计');
    await resolve(async (row) => {
      await gql(ResolveAlertDocument, { id: row.id, outcome: outcome.trim() });
      return '已处理，记入审计日志';
    }, load);
  }

  return (
    <>
      <Table<AlertRow>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '编号', dataIndex: 'ref', width: 110 },
          { title: '类型', render: (_, r) => label(ALERT_KIND, r.kind) },
          { title: '老人', dataIndex: 'elderMaskedName' },
          { title: '社区', render: (_, r) => r.community.name },
          { title: '原因', dataIndex: 'reason' },
          { title: '发生时间', render: (_, r) => dateTime(r.raisedAt) },
          { title: '状态', render: (_, r) => label(ALERT_STATUS, r.status) },
          {
            title: '操作',
            render: (_, r) =>
              r.status !== 'RESOLVED' ? (
                <GoResolve row={r} open={setEditing} reset={() => setOutcome('')} />
              ) : (
                done(mine.has(r.id) ? user.displayName : null, r.resolvedAt, r.outcome)
              ),
          },
        ]}
      />
      <Modal title="处理告警" open={!!editing} onOk={submit} onCancel={() => setEditing(null)} okText="确认处理">
        <Typography.Paragraph>
          {editing?.elderMaskedName}：{editing?.reason}
        </Typography.Paragraph>
        <Input.TextArea
          id="outcome"
          rows={3}
          maxLength={500}
          placeholder="处理结果（如：已电话联系，老人外出探亲）"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
        />
      </Modal>
    </>
  );
}

function CallsTab() {
  const [rows, setRows] = useState<Call[]>([]);
  useEffect(() => {
    allPages((after) =>
      gql(CallTasksDocument, { filter: { status: 'UNREACHED' }, first: 100, after }).then((r) => r.callTasks),
    ).then(setRows, () => {});
  }, []);
  return (
    <Table<Call>
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: '老人', render: (_, r) => r.elder.name },
        { title: '社区', render: (_, r) => r.elder.community.name },
        { title: '计划时间', render: (_, r) => dateTime(r.scheduledFor) },
        { title: '拨打次数', render: (_, r) => r.attempts.length },
        { title: '状态', render: (_, r) => label(CALL_STATUS, r.status) },
      ]}
    />
  );
}

export function ExceptionsPage() {
  // Closing a complaint resolves its COMPLAINT alert on the server; the alert list above reloads to show it.
  const [closed, setClosed] = useState(0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Title level={4} style={{ margin: 0 }}>
          异常与监管
        </Typography.Title>
        <MonthPicker />
      </Space>
      <Tabs
        items={[
          { key: 'visits', label: '异常工单', children: <ExceptionsTab /> },
          { key: 'quiet', label: '长期无服务老人', children: <AlertsTab kinds={['NO_RECENT_ORDER']} /> },
          {
            key: 'calls',
            label: '关爱电话未接通',
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <AlertsTab kinds={['MISSED_CONTACT']} />
                <Typography.Title level={5}>未接通的关爱电话任务</Typography.Title>
                <CallsTab />
              </Space>
            ),
          },
          {
            key: 'complaints',
            label: '超期投诉',
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <AlertsTab key={closed} kinds={['SLA_BREACH', 'COMPLAINT']} />
                <Typography.Title level={5}>超过办结期限的投诉（机构答复后回访办结）</Typography.Title>
                <OverdueComplaints onClosed={() => setClosed((n) => n + 1)} />
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
