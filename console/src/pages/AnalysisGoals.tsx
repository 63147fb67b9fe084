// 分析与目标's targets (issue 21): each target's progress computed from records, its status in words,
// the breakdown by street and community, the month-end trend and the street bars (002 二(二)4–7,
// 二(四)11, 二(五)15, 二(七)22). Kept apart from Analysis.tsx, which composes the page.
import { Card, Col, Empty, Progress, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { AreaBars } from '../components/AreaBars';
import type { ProgrammeGoalsQuery } from '../api/generated';
import { count, monthLabel } from '../lib/format';
import { GOAL_METRIC, GOAL_PER, GOAL_STATUS, word } from '../lib/labels';

export type Goals = ProgrammeGoalsQuery['programmeGoals'];
type Goal = Goals['goals'][number];
type Unit = Goal['streets'][number];

const STATUS_COLOR: Record<string, string> = { MET: 'green', ON_TRACK: 'blue', AT_RISK: 'orange', MISSED: 'red' };
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);
/** A target's current value as officials say it: a share in %, or a count of units or people. */
const goalValue = (g: Goal) => (g.unit === 'PERCENT' ? pct(g.value) : `${count(g.value)} ${unitWord(g)}`);
const goalTarget = (g: Goal) => (g.unit === 'PERCENT' ? `${g.target}%` : `${count(g.target)} ${unitWord(g)}`);
// FACILITIES_* count facilities, ELDERS_TRAINED counts people.
const unitWord = (g: Goal) => (g.metric === 'ELDERS_TRAINED' ? '人' : '个');
export const errorText = (e: unknown) => (e instanceof ApiError ? e.message : '加载失败，请稍后重试。');

// ---- targets -------------------------------------------------------------------------------

function UnitTable({ goal }: { goal: Goal }) {
  const rows = goal.streets.map((s) => ({
    ...s,
    key: s.code,
    children: s.communities.length ? s.communities : undefined,
  }));
  if (!rows.length) return <Typography.Text type="secondary">这项目标按全区统计，没有分街道的数据。</Typography.Text>;
  return (
    <Table<Unit & { key: string }>
      size="small"
      pagination={false}
      data-testid={`goal-units-${goal.code}`}
      dataSource={rows}
      rowKey="code"
      columns={[
        { title: '街道 / 社区', dataIndex: 'name' },
        { title: '层级', dataIndex: 'level', render: (l: string) => (l === 'STREET' ? '街道' : '社区') },
        {
          title: '已完成',
          dataIndex: 'achieved',
          render: (a: number, u) => (u.total === null ? count(a) : `${count(a)} / ${count(u.total)}`),
        },
        { title: '完成比例', dataIndex: 'percent', render: (p: number | null) => pct(p) },
        {
          title: '是否达标',
          dataIndex: 'met',
          render: (m: boolean) => (m ? <Tag color="green">已达标</Tag> : '未达标'),
        },
      ]}
    />
  );
}

export function GoalsCard({ goals }: { goals: Goals }) {
  const months = goals.goals[0]?.trend.map((t) => t.month) ?? [];
  const [chartGoal, setChartGoal] = useState(goals.goals[0]?.code);
  const shown = goals.goals.find((g) => g.code === chartGoal) ?? goals.goals[0];
  return (
    <Card
      size="small"
      title={`目标任务（统计截至 ${goals.asOf}）`}
      extra={
        <Typography.Text type={goals.atRisk.length ? 'danger' : 'secondary'} data-testid="at-risk-count">
          {goals.atRisk.length ? `${goals.atRisk.length} 项有延期风险或已逾期` : '没有延期风险的目标'}
        </Typography.Text>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">延期风险的判断：{goals.atRiskRule}</Typography.Text>
        <Table<Goal>
          size="small"
          rowKey="code"
          pagination={false}
          data-testid="goals"
          dataSource={goals.goals}
          expandable={{ expandedRowRender: (g) => <UnitTable goal={g} /> }}
          onRow={(g) =>
            ({ 'data-testid': `goal-${g.code}`, 'data-value': g.value, 'data-percent': g.progressPercent }) as object
          }
          columns={[
            {
              title: '目标',
              dataIndex: 'name',
              render: (n: string, g) => (
                <Space orientation="vertical" size={0}>
                  <span>{n}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {word(GOAL_METRIC, g.metric)} · {word(GOAL_PER, g.per)}
                    {g.assumed && <Tooltip title={g.note ?? '原文未写明，由平台假定'}> · 含平台假定</Tooltip>}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '目标值', key: 'target', render: (_, g) => goalTarget(g) },
            { title: '完成期限', dataIndex: 'deadline' },
            { title: '政策依据', dataIndex: 'source' },
            {
              title: '当前进度',
              key: 'progress',
              width: 220,
              render: (_, g) => (
                <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                  <Progress
                    percent={Math.round(g.progressPercent * 10) / 10}
                    size="small"
                    format={(p) => `${p}%`}
                    status={g.status === 'AT_RISK' || g.status === 'MISSED' ? 'exception' : undefined}
                  />
                  <span data-testid={`goal-value-${g.code}`} style={{ fontSize: 12 }}>
                    当前 {goalValue(g)} · 应完成 {pct(g.expectedPercent)}
                  </span>
                </Space>
              ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => (
                <Tag color={STATUS_COLOR[s]} data-testid="goal-status">
                  {word(GOAL_STATUS, s)}
                </Tag>
              ),
            },
          ]}
        />
        <Row gutter={16}>
          <Col span={12}>
            <Card size="small" title="各项目标按月完成进度（%）">
              <ReactECharts
                style={{ height: 320 }}
                notMerge
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { type: 'scroll', top: 0 },
                  grid: { top: 40 },
                  xAxis: { type: 'category', data: months.map((m) => monthLabel(m).slice(2)) },
                  yAxis: { type: 'value', name: '%', max: 100 },
                  series: goals.goals.map((g) => ({
                    name: g.name.length > 14 ? `${g.name.slice(0, 14)}…` : g.name,
                    type: 'line',
                    data: g.trend.map((t) => Math.round(t.progressPercent * 10) / 10),
                  })),
                }}
              />
            </Card>
          </Col>
          <Col span={12}>
            <Card
              size="small"
              title="按街道的完成比例"
              extra={
                <Select
                  size="small"
                  style={{ width: 260 }}
                  value={shown?.code}
                  onChange={setChartGoal}
                  data-testid="goal-chart-pick"
                  options={goals.goals.map((g) => ({ value: g.code, label: g.name }))}
                />
              }
            >
              {shown && shown.streets.length ? (
                <AreaBars
                  names={shown.streets.map((s) => s.name)}
                  values={shown.streets.map((s) => s.percent ?? 0)}
                  series="完成比例"
                  unit="%"
                  max={100}
                />
              ) : (
                <Empty description="这项目标按全区统计，没有分街道的数据" />
              )}
            </Card>
          </Col>
        </Row>
      </Space>
    </Card>
  );
}

// ---- analysis ------------------------------------------------------------------------------
