// 结算: the month's statement per provider (生成, 审核通过, 已付款; 暂缓 with its reason when a
// provider's quality evaluation failed or exceptions are open, and the official's own 暂缓（原因）
// with 取消暂缓), and the month's files, previewed on screen and downloaded with the console's own token.
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { fetchFile, gql, saveBlob } from '../api/client';
import {
  ApproveSettlementDocument,
  HoldSettlementDocument,
  MarkSettlementPaidDocument,
  ReleaseSettlementHoldDocument,
  RunSettlementDocument,
  SettlementsDocument,
  type SettlementsQuery,
} from '../api/generated';
import { dateTime, hoursMinutes, monthLabel, yuan } from '../lib/format';
import { label, SETTLEMENT_STATUS } from '../lib/labels';
import { MonthPicker, useMonth } from '../lib/month';
import { readSheet } from '../lib/preview';
import { isDistrict, useUser } from '../lib/session';

type Line = SettlementsQuery['settlements'][number];
const STATUS_COLOR: Record<string, string> = { DRAFT: 'blue', HELD: 'orange', APPROVED: 'green', PAID: 'purple' };

const FILES = [
  { path: (m: string) => `/exports/settlement/${m}.xlsx`, name: '结算报表' },
  { path: (m: string) => `/exports/visits/${m}.xlsx`, name: '上门服务明细（Excel）' },
  { path: (m: string) => `/exports/visits/${m}.csv`, name: '上门服务明细（CSV）' },
];

export function SettlementPage() {
  const month = useMonth();
  const user = useUser();
  const { message } = App.useApp();
  const [lines, setLines] = useState<Line[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ name: string; rows: string[][] } | null>(null);
  const [holding, setHolding] = useState<Line | null>(null);
  const [holdForm] = Form.useForm<{ reason: string }>();
  const district = isDistrict(user);

  const load = useCallback(
    () =>
      gql(SettlementsDocument, { month }).then(
        (r) => setLines(r.settlements),
        (e: Error) => message.error(e.message),
      ),
    [month, message],
  );
  useEffect(() => {
    setPreview(null);
    void load();
  }, [load]);

  async function act(key: string, fn: () => Promise<unknown>, done: string) {
    setBusy(key);
    try {
      await fn();
      message.success(done);
      await load();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function hold() {
    // A missing reason is shown under the field by the form; nothing is sent.
    const reason = await holdForm.validateFields().then(
      (v) => v.reason,
      () => null,
    );
    if (reason === null) return;
    const line = holding!;
    setHolding(null);
    await act(
      line.id,
      () => gql(HoldSettlementDocument, { id: line.id, reason: reason.trim() }),
      '已暂缓，记入审计日志',
    );
  }

  async function show(f: (typeof FILES)[number]) {
    try {
      const { blob } = await fetchFile(f.path(month));
      setPreview({ name: f.name, rows: await readSheet(blob) });
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  async function download(f: (typeof FILES)[number]) {
    try {
      const { blob, filename } = await fetchFile(f.path(month));
      saveBlob(blob, filename);
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {monthLabel(month)} 结算
        </Typography.Title>
        <MonthPicker />
        {district && (
          <Popconfirm
            title={`生成${monthLabel(month)}结算单？`}
            description="按本月已确认的服务重新计算；已审核的结算单不再变化。"
            okText="生成"
            onConfirm={() => act('run', () => gql(RunSettlementDocument, { month }), '结算单已生成')}
          >
            <Button type="primary" loading={busy === 'run'}>
              生成结算单
            </Button>
          </Popconfirm>
        )}
      </Space>
      {!district && <Alert type="info" title="结算由区（县）民政部门审核；此处仅供查看。" />}
      <Table<Line>
        rowKey="id"
        size="small"
        dataSource={lines}
        pagination={false}
        data-testid="settlements"
        columns={[
          { title: '服务机构', render: (_, l) => l.provider.name },
          { title: '工单数', dataIndex: 'orders' },
          { title: '政府补贴', render: (_, l) => yuan(l.governmentFen) },
          { title: '其中服务补贴', render: (_, l) => yuan(l.subsidyFen) },
          { title: '服务时长补贴', render: (_, l) => `${hoursMinutes(l.subsidyMinutes)}（${yuan(l.hoursValueFen)}）` },
          { title: '自付', render: (_, l) => yuan(l.selfPaidFen) },
          { title: '线上服务费', render: (_, l) => yuan(l.onlineServiceFen) },
          { title: '扣减', render: (_, l) => (l.penaltyFen ? yuan(l.penaltyFen) : '—') },
          {
            title: '质量评估',
            render: (_, l) =>
              l.evaluation ? (
                <Space orientation="vertical" size={0} data-testid="evaluation">
                  <Tag color={l.evaluation.passed ? 'green' : 'red'}>
                    {l.evaluation.score} 分 · {l.evaluation.passed ? '合格' : '不合格'}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {l.evaluation.report}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="warning">未评估</Typography.Text>
              ),
          },
          {
            title: '状态',
            render: (_, l) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS_COLOR[l.status]} data-testid="settlement-status">
                  {label(SETTLEMENT_STATUS, l.status)}
                </Tag>
                {l.status === 'HELD' && <Typography.Text type="warning">原因：{l.heldReason}</Typography.Text>}
                {l.manualHoldReason && (
                  <Space orientation="vertical" size={0} data-testid="manual-hold">
                    <Tag color="orange">人工暂缓</Tag>
                    <Typography.Text type="warning">暂缓原因：{l.manualHoldReason}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {l.manualHeldByName ?? ''} {l.manualHeldAt ? dateTime(l.manualHeldAt) : ''}
                    </Typography.Text>
                  </Space>
                )}
                {l.approvedAt && <Typography.Text type="secondary">审核 {dateTime(l.approvedAt)}</Typography.Text>}
                {l.paidAt && <Typography.Text type="secondary">付款 {dateTime(l.paidAt)}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_, l) =>
              district && (
                <Space wrap>
                  {l.status === 'DRAFT' && l.manualHoldReason && (
                    <Tooltip title="已暂缓，取消暂缓后才能审核">
                      <Button size="small" type="primary" disabled>
                        审核通过
                      </Button>
                    </Tooltip>
                  )}
                  {l.status === 'DRAFT' && !l.manualHoldReason && (
                    <Popconfirm
                      title={`审核通过 ${l.provider.name} 的结算单？`}
                      okText="审核通过"
                      onConfirm={() =>
                        act(l.id, () => gql(ApproveSettlementDocument, { id: l.id }), '已审核通过，记入审计日志')
                      }
                    >
                      <Button size="small" type="primary" loading={busy === l.id}>
                        审核通过
                      </Button>
                    </Popconfirm>
                  )}
                  {l.status === 'APPROVED' && l.manualHoldReason && (
                    <Tooltip title="已暂缓，取消暂缓后才能登记付款">
                      <Button size="small" disabled>
                        已付款
                      </Button>
                    </Tooltip>
                  )}
                  {l.status === 'APPROVED' && !l.manualHoldReason && (
                    <Popconfirm
                      title={`登记 ${l.provider.name} 已付款 ${yuan(l.governmentFen)}？`}
                      okText="已付款"
                      onConfirm={() => act(l.id, () => gql(MarkSettlementPaidDocument, { id: l.id }), '已登记付款')}
                    >
                      <Button size="small" loading={busy === l.id}>
                        已付款
                      </Button>
                    </Popconfirm>
                  )}
                  {l.status !== 'PAID' && !l.manualHoldReason && (
                    <Button
                      size="small"
                      danger
                      onClick={() => {
                        holdForm.resetFields();
                        setHolding(l);
                      }}
                    >
                      暂缓
                    </Button>
                  )}
                  {l.manualHoldReason && (
                    <Popconfirm
                      title={`取消 ${l.provider.name} 结算单的暂缓？`}
                      description={`暂缓原因：${l.manualHoldReason}`}
                      okText="取消暂缓"
                      cancelText="不取消"
                      onConfirm={() =>
                        act(l.id, () => gql(ReleaseSettlementHoldDocument, { id: l.id }), '已取消暂缓，记入审计日志')
                      }
                    >
                      <Button size="small" loading={busy === l.id}>
                        取消暂缓
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title={`暂缓 ${holding?.provider.name ?? ''} ${monthLabel(month)}的结算单`}
        open={!!holding}
        okText="确认暂缓"
        okButtonProps={{ danger: true }}
        onOk={hold}
        onCancel={() => setHolding(null)}
        forceRender
      >
        <Typography.Paragraph type="secondary">
          暂缓期间不能审核、不能登记付款；重新生成结算单也保留暂缓，核实后点“取消暂缓”。原因记入审计日志，并写入结算报表。
        </Typography.Paragraph>
        <Form form={holdForm} layout="vertical">
          <Form.Item
            name="reason"
            label="暂缓原因"
            rules={[
              { required: true, whitespace: true, message: '请填写暂缓原因' },
              { min: 2, max: 200, message: '暂缓原因应为 2 到 200 个字' },
            ]}
          >
            <Input.TextArea
              id="hold-reason"
              rows={3}
              maxLength={200}
              showCount
              placeholder="如：待核实本月部分上门记录"
            />
          </Form.Item>
        </Form>
      </Modal>
      {district && (
        <Card size="small" title="报表下载（民政、财政和上级部门用）">
          <Space wrap>
            {FILES.map((f) => (
              <Space.Compact key={f.name}>
                {f.path(month).endsWith('.xlsx') && (
                  <Button icon={<EyeOutlined />} onClick={() => show(f)}>
                    预览{f.name}
                  </Button>
                )}
                <Button icon={<DownloadOutlined />} onClick={() => download(f)}>
                  下载{f.name}
                </Button>
              </Space.Compact>
            ))}
          </Space>
        </Card>
      )}
      {preview && (
        <Card size="small" title={`预览：${preview.name}`} data-testid="preview">
          <div style={{ overflow: 'auto', maxHeight: 480 }}>
            <table className="sheet">
              <tbody>
                {preview.rows.map((r, i) => (
                  <tr key={i}>{r.map((c, j) => (i === 0 ? <th key={j}>{c}</th> : <td key={j}>{c}</td>))}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </Space>
  );
}
