// 超期投诉: complaints past their deadline (by the server's clock). 去处理 is the revisit the
// hotline does (closeComplaint, 000 六 4 回访直到老人满意): the official records what the elder
// said, and the complaint is closed, or sent back to the provider when the elder is not satisfied.
// Before the provider has answered there is nothing to revisit yet, so the button waits.
import { App, Button, Checkbox, Form, Input, Modal, Radio, Table, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { gql } from '../api/client';
import { CloseComplaintDocument, ComplaintsDocument, type ComplaintsQuery } from '../api/generated';
import { AuditLine } from '../lib/AuditLine';
import { GoResolve } from '../lib/GoResolve';
import { allPages } from '../lib/connection';
import { dateTime } from '../lib/format';
import { COMPLAINT_STATUS, label } from '../lib/labels';
import { serverNow } from '../lib/month';
import { useResolveInPlace } from '../lib/resolve-in-place';
import { useUser } from '../lib/session';

type Complaint = ComplaintsQuery['complaints']['edges'][number]['node'];
type Revisit = { satisfied: boolean; providerAtFault: boolean; note: string };

export function OverdueComplaints({ onClosed }: { onClosed: () => void }) {
  const user = useUser();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Complaint[]>([]);
  // Rows handled in this session stay on screen with their audit line, even once no longer overdue.
  const { mine, editing, setEditing, resolve } = useResolveInPlace<Complaint>();
  const [form] = Form.useForm<Revisit>();
  const load = useCallback(
    () =>
      allPages((after) => gql(ComplaintsDocument, { first: 100, after }).then((r) => r.complaints)).then(
        (all) => {
          const now = serverNow().toISOString();
          setRows(all.filter((c) => mine.has(c.id) || (c.status !== 'CLOSED' && c.dueAt < now)));
        },
        (e: Error) => message.error(e.message),
      ),
    [mine, message],
  );
  useEffect(() => void load(), [load]);

  async function submit() {
    // A missing note is shown under the field by the form; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await resolve(async (row) => {
      const r = await gql(CloseComplaintDocument, { id: row.id, ...v, note: v.note.trim() });
      return r.closeComplaint.status === 'CLOSED' ? '投诉已办结，记入审计日志' : '已退回服务机构重新处理';
    }, onClosed);
  }

  return (
    <>
      <Table<Complaint>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        data-testid="overdue-complaints"
        columns={[
          { title: '投诉内容', dataIndex: 'content' },
          { title: '受理时间', render: (_, r) => dateTime(r.createdAt) },
          { title: '办结期限', render: (_, r) => <Typography.Text type="danger">{dateTime(r.dueAt)}</Typography.Text> },
          {
            title: '状态',
            render: (_, r) => <span data-testid="complaint-status">{label(COMPLAINT_STATUS, r.status)}</span>,
          },
          { title: '机构答复', render: (_, r) => r.response ?? '—' },
          {
            title: '操作',
            render: (_, r) =>
              mine.has(r.id) ? (
                <AuditLine who={user.displayName} at={r.closedAt ?? serverNow().toISOString()} why={r.revisitNote} />
              ) : r.status === 'RESPONDED' ? (
                <GoResolve row={r} open={setEditing} reset={() => form.resetFields()} />
              ) : (
                <Tooltip title="服务机构尚未答复，答复后才能回访办结">
                  <Button size="small" disabled>
                    去处理
                  </Button>
                </Tooltip>
              ),
          },
        ]}
      />
      <Modal
        title="回访投诉人"
        open={!!editing}
        onOk={submit}
        onCancel={() => setEditing(null)}
        okText="确认处理"
        forceRender
      >
        <Typography.Paragraph>投诉：{editing?.content}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">机构答复：{editing?.response}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ satisfied: true, providerAtFault: false }}>
          <Form.Item name="satisfied" label="回访结果">
            <Radio.Group>
              <Radio value={true}>老人满意，办结</Radio>
              <Radio value={false}>不满意，退回服务机构重新处理</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="providerAtFault" valuePropName="checked">
            <Checkbox>经核实，责任在服务机构</Checkbox>
          </Form.Item>
          <Form.Item
            name="note"
            label="回访情况"
            rules={[{ required: true, whitespace: true, message: '请填写回访情况，记入审计' }]}
          >
            <Input.TextArea id="revisit-note" rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
