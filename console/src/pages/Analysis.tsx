// 分析与目标 (issue 21): the programme's targets with their progress from records by street and
// community, the month-end trend and the ones at risk (002 二(二)4–7, 二(四)11, 二(五)15, 二(七)22),
// and the big-data analysis by area and month with a comparison between areas and its XLSX export
// (002 二(五)13). The programmes shown are those whose region holds the official's, found from the
// programmes' own regions (data), so a new programme needs no change here.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Select, Space, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import ReactECharts from 'echarts-for-react';
import { useEffect, useState } from 'react';
import { fetchFile, gql, saveBlob } from '../api/client';
import {
  AreaAnalysisDocument,
  type AreaAnalysisQuery,
  type AreaFiguresFragment,
  ProgrammeGoalsDocument,
  ProgrammeRegionsDocument,
} from '../api/generated';
import { addMonths, count, hoursMinutes, monthLabel, percent, yuan } from '../lib/format';
import { serverMonth } from '../lib/month';
import { useUser } from '../lib/session';
import { AreaBars } from '../components/AreaBars';
import { GoalsCard, errorText, pct, type Goals } from './AnalysisGoals';

type Analysis = AreaAnalysisQuery['areaAnalysis'];

const satisfaction = (m: AreaFiguresFragment) =>
  m.satisfied + m.dissatisfied ? m.satisfied / (m.satisfied + m.dissatisfied) : null;

/** The figures table: one row per month of the area itself, each cell carrying its raw value for the test. */
const FIGURES: { key: keyof AreaFiguresFragment; title: string; show: (m: AreaFiguresFragment) => string }[] = [
  { key: 'enrolledElders', title: '服务对象', show: (m) => `${count(m.enrolledElders)} 人` },
  { key: 'orders', title: '工单', show: (m) => count(m.orders) },
  { key: 'visits', title: '上门服务', show: (m) => `${count(m.visits)} 次` },
  { key: 'serviceMinutes', title: '服务时长', show: (m) => hoursMinutes(m.serviceMinutes) },
  { key: 'spendingFen', title: '补贴支出', show: (m) => yuan(m.spendingFen) },
  { key: 'budgetFen', title: '补贴预算', show: (m) => yuan(m.budgetFen) },
  { key: 'spendingPercent', title: '支出占预算', show: (m) => pct(m.spendingPercent) },
  { key: 'satisfied', title: '满意度', show: (m) => percent(satisfaction(m)) },
  { key: 'complaints', title: '投诉', show: (m) => count(m.complaints) },
  { key: 'alerts', title: '告警', show: (m) => count(m.alerts) },
  { key: 'exceptions', title: '异常工单', show: (m) => count(m.exceptions) },
  { key: 'targetsMetPercent', title: '目标平均进度', show: (m) => pct(m.targetsMetPercent) },
];

function lineChart(
  title: string,
  months: AreaFiguresFragment[],
  series: { name: string; value: (m: AreaFiguresFragment) => number | null }[],
  unit: string,
) {
  return (
    <Col span={8} key={title}>
      <Card size="small" title={title}>
        <ReactECharts
          style={{ height: 240 }}
          notMerge
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { top: 36, left: 56, right: 16, bottom: 28 },
            xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month).slice(2)) },
            yAxis: { type: 'value', name: unit },
            series: series.map((s) => ({ name: s.name, type: 'line', data: months.map(s.value) })),
          }}
        />
      </Card>
    </Col>
  );
}

// Comparison metrics shown in 元 or hours rather than the API's fen and minutes.
const COMPARE_SCALE: Record<string, { unit: string; div: number }> = {
  spendingFen: { unit: '元', div: 100 },
  budgetFen: { unit: '元', div: 100 },
  serviceMinutes: { unit: '小时', div: 60 },
};
const compareLabel = (label: string) => label.replace('（分）', '（元）').replace('（分钟）', '（小时）');

function AnalysisCard({ rootCode, rootName }: { rootCode: string; rootName: string }) {
  const to0 = serverMonth();
  const [range, setRange] = useState<[string, string]>([addMonths(to0, -5), to0]);
  const [regionCode, setRegionCode] = useState(rootCode);
  const [areas, setAreas] = useState<{ value: string; label: string }[]>([{ value: rootCode, label: rootName }]);
  const [data, setData] = useState<Analysis>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [metric, setMetric] = useState('visits');
  const [downloading, setDownloading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    gql(AreaAnalysisDocument, { fromMonth: range[0], toMonth: range[1], regionCode }).then(
      (r) => {
        if (!live) return;
        setData(r.areaAnalysis);
        setLoading(false);
        // The picker offers every area seen so far: the official's own and what lies under it.
        setAreas((known) => {
          const next = [...known];
          for (const a of r.areaAnalysis.areas)
            if (!next.some((k) => k.value === a.regionCode)) next.push({ value: a.regionCode, label: a.name });
          return next;
        });
      },
      (e) => {
        if (!live) return;
        setError(errorText(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [range, regionCode]);

  const own = data?.areas.find((a) => a.own);
  const comparison = data?.comparison.find((c) => c.metric === metric);
  const scale = COMPARE_SCALE[metric] ?? { unit: '', div: 1 };
  const download = async () => {
    setDownloading(true);
    try {
      const q = new URLSearchParams({ from: range[0], to: range[1], region: regionCode });
      const { blob, filename } = await fetchFile(`/exports/analysis.xlsx?${q}`);
      saveBlob(blob, filename);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card
      size="small"
      title={`养老服务大数据分析${data ? `：${data.name}` : ''}`}
      extra={
        <Space>
          <Select
            style={{ width: 200 }}
            value={regionCode}
            onChange={setRegionCode}
            options={areas}
            data-testid="analysis-area"
            showSearch={{ optionFilterProp: 'label' }}
          />
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={[dayjs(`${range[0]}-01`), dayjs(`${range[1]}-01`)]}
            onChange={(v) => {
              if (!v?.[0] || !v[1]) return;
              const from = v[0].format('YYYY-MM');
              const to = v[1].format('YYYY-MM');
              // The server takes at most 24 months; keep the end and cut the start.
              setRange([from < addMonths(to, -23) ? addMonths(to, -23) : from, to]);
            }}
            data-testid="analysis-range"
          />
          <Button icon={<DownloadOutlined />} onClick={download} loading={downloading} data-testid="analysis-download">
            导出 Excel
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Spin spinning={loading}>
        {!own ? (
          !loading && <Empty description="这段时间没有分析数据" />
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Row gutter={[16, 16]}>
              {lineChart(
                '服务对象、工单与上门',
                own.months,
                [
                  { name: '服务对象', value: (m) => m.enrolledElders },
                  { name: '工单', value: (m) => m.orders },
                  { name: '上门服务', value: (m) => m.visits },
                ],
                '人、次',
              )}
              {lineChart(
                '服务时长',
                own.months,
                [{ name: '服务时长（小时）', value: (m) => Math.round(m.serviceMinutes / 6) / 10 }],
                '小时',
              )}
              {lineChart(
                '补贴支出与预算',
                own.months,
                [
                  { name: '支出（元）', value: (m) => m.spendingFen / 100 },
                  { name: '预算（元）', value: (m) => m.budgetFen / 100 },
                ],
                '元',
              )}
              {lineChart(
                '满意度',
                own.months,
                [
                  {
                    name: '满意度（%）',
                    value: (m) => {
                      const s = satisfaction(m);
                      return s === null ? null : Math.round(s * 1000) / 10;
                    },
                  },
                ],
                '%',
              )}
              {lineChart(
                '投诉、告警与异常工单',
                own.months,
                [
                  { name: '投诉', value: (m) => m.complaints },
                  { name: '告警', value: (m) => m.alerts },
                  { name: '异常工单', value: (m) => m.exceptions },
                ],
                '件',
              )}
              {lineChart(
                '目标平均进度',
                own.months,
                [{ name: '目标平均进度（%）', value: (m) => m.targetsMetPercent ?? null }],
                '%',
              )}
            </Row>
            <Table<AreaFiguresFragment>
              size="small"
              rowKey="month"
              pagination={false}
              scroll={{ x: true }}
              data-testid="analysis-figures"
              dataSource={own.months}
              onRow={(m) => ({ 'data-month': m.month }) as object}
              columns={[
                { title: '月份', dataIndex: 'month', render: (m: string) => monthLabel(m), fixed: 'left' },
                ...FIGURES.map((f) => ({
                  title: f.title,
                  key: f.key,
                  render: (_: unknown, m: AreaFiguresFragment) => (
                    <span data-testid={`fig-${f.key}`} data-value={m[f.key] ?? ''}>
                      {f.show(m)}
                    </span>
                  ),
                })),
              ]}
            />
            <Card
              size="small"
              title="下辖地区比较（整个时间段合计，服务对象取最后一个月）"
              extra={
                <Select
                  size="small"
                  style={{ width: 200 }}
                  value={metric}
                  onChange={setMetric}
                  data-testid="compare-metric"
                  options={data!.comparison.map((c) => ({ value: c.metric, label: compareLabel(c.label) }))}
                />
              }
            >
              {comparison && comparison.areas.length ? (
                <AreaBars
                  names={comparison.areas.map((a) => a.name)}
                  values={comparison.areas.map((a) => Math.round((a.value / scale.div) * 100) / 100)}
                  series={compareLabel(comparison.label)}
                  unit={scale.unit}
                />
              ) : (
                <Empty description="没有下辖地区可以比较" />
              )}
            </Card>
          </Space>
        )}
      </Spin>
    </Card>
  );
}

// ---- page ----------------------------------------------------------------------------------

export function AnalysisPage() {
  const user = useUser();
  const [programmes, setProgrammes] = useState<Goals[]>();
  const [error, setError] = useState<string | null>(null);
  const [pick, setPick] = useState<string>();
  const [names, setNames] = useState(new Map<string, string>());
  const mine = user.region?.code ?? '';

  useEffect(() => {
    let live = true;
    (async () => {
      const { policies } = await gql(ProgrammeRegionsDocument);
      // Region codes nest (420112 ⊃ 420112002 ⊃ 420112002001): the programmes over or under the official's area.
      const covering = policies.filter((p) => mine.startsWith(p.region.code) || p.region.code.startsWith(mine));
      setNames(new Map(covering.map((p) => [p.code, p.name])));
      const loaded = await Promise.all(
        covering.map((p) =>
          gql(ProgrammeGoalsDocument, { policyCode: p.code, months: 12 }).then(
            (r) => r.programmeGoals,
            () => null,
          ),
        ),
      );
      if (live) setProgrammes(loaded.filter((g): g is Goals => !!g && g.goals.length > 0));
    })().catch((e) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [mine]);

  const shown = programmes?.find((p) => p.policyCode === pick) ?? programmes?.[0];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Typography.Title level={4} style={{ margin: 0 }}>
          分析与目标
        </Typography.Title>
        {programmes && programmes.length > 1 && (
          <Select
            style={{ width: 240 }}
            value={shown?.policyCode}
            onChange={setPick}
            options={programmes.map((p) => ({ value: p.policyCode, label: names.get(p.policyCode) ?? '—' }))}
          />
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {programmes === undefined && !error ? (
        <Spin />
      ) : shown ? (
        <GoalsCard key={shown.policyCode} goals={shown} />
      ) : (
        !error && (
          <Card size="small" title="目标任务">
            <Empty description="本辖区的项目没有设定目标任务" />
          </Card>
        )
      )}
      {user.region ? (
        <AnalysisCard rootCode={user.region.code} rootName={user.region.name} />
      ) : (
        <Alert type="info" showIcon title="您的账号没有所属地区，无法查看地区分析。" />
      )}
    </Space>
  );
}
