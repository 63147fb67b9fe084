// 看板: the month's KPIs against last month, service by street (or community), the 12-month trend
// and the density of visits by community where elders' coordinates are known.
import { Alert, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useEffect, useState } from 'react';
import { gql } from '../api/client';
import { DashboardDocument, EldersDocument, ExceptionCountDocument, type StatsFragment } from '../api/generated';
import { allPages } from '../lib/connection';
import { addMonths, change, count, hoursMinutes, monthLabel, percent, yuan } from '../lib/format';
import { MonthPicker, useMonth } from '../lib/month';
import { useUser } from '../lib/session';

interface Kpi {
  key: string;
  title: string;
  value: number | null;
  previous: number | null;
  show: (v: number | null) => string;
  /** For rates, the change is in percentage points; for counts, relative. */
  rate?: boolean;
  /** Up is bad (complaints, alerts, exceptions). */
  inverse?: boolean;
}

const satisfaction = (s: StatsFragment) => {
  const n = s.satisfied + s.basicallySatisfied + s.dissatisfied;
  return n ? (s.satisfied + s.basicallySatisfied) / n : null;
};
const usage = (s: StatsFragment) => (s.budgetFen ? s.spendingFen / s.budgetFen : null);
const alertTotal = (s: StatsFragment) => s.alerts.reduce((a, b) => a + b.count, 0);

function kpis(s: StatsFragment, p: StatsFragment, exceptions: [number, number]): Kpi[] {
  const n = (v: number | null) => (v === null ? '—' : count(v));
  return [
    { key: 'enrolledElders', title: '在册老人', value: s.enrolledElders, previous: p.enrolledElders, show: n },
    { key: 'visits', title: '服务人次', value: s.visits, previous: p.visits, show: n },
    {
      key: 'serviceMinutes',
      title: '服务时长',
      value: s.serviceMinutes,
      previous: p.serviceMinutes,
      show: hoursMinutes,
    },
    { key: 'spendingFen', title: '补贴支出', value: s.spendingFen, previous: p.spendingFen, show: yuan },
    { key: 'usage', title: '补贴使用率', value: usage(s), previous: usage(p), show: percent, rate: true },
    {
      key: 'satisfaction',
      title: '满意度',
      value: satisfaction(s),
      previous: satisfaction(p),
      show: percent,
      rate: true,
    },
    { key: 'complaints', title: '投诉数', value: s.complaints, previous: p.complaints, show: n, inverse: true },
    { key: 'alerts', title: '告警', value: alertTotal(s), previous: alertTotal(p), show: n, inverse: true },
    { key: 'exceptions', title: '异常工单', value: exceptions[0], previous: exceptions[1], show: n, inverse: true },
  ];
}

function Delta({ k }: { k: Kpi }) {
  if (k.value === null || k.previous === null) return <span style={{ color: '#999' }}>环比 —</span>;
  const d = k.rate ? k.value - k.previous : change(k.value, k.previous);
  if (d === null) return <span style={{ color: '#999' }}>环比 —（上月为 0）</span>;
  const good = k.inverse ? d <= 0 : d >= 0;
  const text = k.rate ? `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)} 个百分点` : `${d >= 0 ? '+' : ''}${percent(d)}`;
  return <span style={{ color: d === 0 ? '#999' : good ? '#389e0d' : '#cf1322' }}>环比 {text}</span>;
}

type Row = { name: string; code: string; stats: StatsFragment };

export function DashboardPage() {
  const month = useMonth();
  const user = useUser();
  const [data, setData] = useState<{ region: string; now: StatsFragment; prev: StatsFragment; rows: Row[] }>();
  const [exceptions, setExceptions] = useState<[number, number]>([0, 0]);
  const [trend, setTrend] = useState<{ month: string; visits: number; minutes: number; spendingFen: number }[]>([]);
  const [density, setDensity] = useState<{ name: string; lng: number; lat: number; visits: number }[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    const prevMonth = addMonths(month, -1);
    Promise.all([
      gql(DashboardDocument, { month }),
      gql(DashboardDocument, { month: prevMonth }),
      gql(ExceptionCountDocument, { month }),
      gql(ExceptionCountDocument, { month: prevMonth }),
    ]).then(
      ([now, prev, e1, e0]) => {
        if (!live) return;
        const rows = now.dashboard.children.map((c) => ({ name: c.region.name, code: c.region.code, stats: c.stats }));
        setData({ region: now.dashboard.region.name, now: now.dashboard.stats, prev: prev.dashboard.stats, rows });
        setExceptions([e1.visitExceptions.totalCount, e0.visitExceptions.totalCount]);
      },
      (e: Error) => live && setError(e.message),
    );
    const months = Array.from({ length: 12 }, (_, i) => addMonths(month, i - 11));
    Promise.all(months.map((m) => gql(DashboardDocument, { month: m }))).then(
      (rs) =>
        live &&
        setTrend(
          rs.map((r, i) => ({
            month: months[i],
            visits: r.dashboard.stats.visits,
            minutes: r.dashboard.stats.serviceMinutes,
            spendingFen: r.dashboard.stats.spendingFen,
          })),
        ),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [month]);

  // Density: visits per community, placed at the mean of its elders' coordinates.
  useEffect(() => {
    if (!data) return;
    let live = true;
    (async () => {
      const communities =
        user.region?.level === 'STREET' || !data.rows.length
          ? data.rows
          : (await Promise.all(data.rows.map((r) => gql(DashboardDocument, { month, regionCode: r.code })))).flatMap(
              (r) => r.dashboard.children.map((c) => ({ name: c.region.name, code: c.region.code, stats: c.stats })),
            );
      const elders = await allPages((after) => gql(EldersDocument, { first: 100, after }).then((r) => r.elders), 500);
      const sums = new Map<string, { lng: number; lat: number; n: number }>();
      for (const e of elders) {
        if (e.latitude === null || e.longitude === null) continue;
        const s = sums.get(e.community.code) ?? { lng: 0, lat: 0, n: 0 };
        s.lng += e.longitude;
        s.lat += e.latitude;
        s.n += 1;
        sums.set(e.community.code, s);
      }
      const points = communities.flatMap((c) => {
        const s = sums.get(c.code);
        return s ? [{ name: c.name, lng: s.lng / s.n, lat: s.lat / s.n, visits: c.stats.visits }] : [];
      });
      if (live) setDensity(points);
    })().catch(() => {});
    return () => {
      live = false;
    };
  }, [data, month, user.region?.level]);

  const childLevel = user.region?.level === 'STREET' ? '社区' : '街道';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {data?.region ?? ''} {monthLabel(month)} 服务看板
        </Typography.Title>
        <MonthPicker />
      </Space>
      {error && <Alert type="error" title={error} />}
      {data && (
        <Row gutter={[16, 16]}>
          {kpis(data.now, data.prev, exceptions).map((k) => (
            <Col key={k.key} span={6} xxl={4}>
              <Card size="small" data-testid={`kpi-${k.key}`} data-value={k.value ?? ''}>
                <Statistic title={k.title} value={k.show(k.value)} />
                <Delta k={k} />
                {k.key === 'usage' && (
                  <div style={{ color: '#666', fontSize: 12 }}>
                    支出 {yuan(data.now.spendingFen)} / 预算 {yuan(data.now.budgetFen)}
                  </div>
                )}
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Card title={`各${childLevel}服务人次与时长`} size="small">
            <ReactECharts
              style={{ height: 320 }}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { data: ['服务人次', '服务时长（小时）'] },
                xAxis: {
                  type: 'category',
                  data: data?.rows.map((r) => r.name) ?? [],
                  axisLabel: { interval: 0, rotate: 40 },
                },
                yAxis: [
                  { type: 'value', name: '人次' },
                  { type: 'value', name: '小时' },
                ],
                series: [
                  { name: '服务人次', type: 'bar', data: data?.rows.map((r) => r.stats.visits) ?? [] },
                  {
                    name: '服务时长（小时）',
                    type: 'bar',
                    yAxisIndex: 1,
                    data: data?.rows.map((r) => Math.round(r.stats.serviceMinutes / 6) / 10) ?? [],
                  },
                ],
              }}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card title="近 12 个月趋势" size="small">
            <ReactECharts
              style={{ height: 320 }}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { data: ['服务人次', '补贴支出（元）'] },
                xAxis: { type: 'category', data: trend.map((t) => monthLabel(t.month).slice(2)) },
                yAxis: [
                  { type: 'value', name: '人次' },
                  { type: 'value', name: '元' },
                ],
                series: [
                  { name: '服务人次', type: 'line', data: trend.map((t) => t.visits) },
                  { name: '补贴支出（元）', type: 'line', yAxisIndex: 1, data: trend.map((t) => t.spendingFen / 100) },
                ],
              }}
            />
          </Card>
        </Col>
      </Row>
      <Card title="各社区服务密度（按老人登记坐标）" size="small">
        {density.length ? (
          <ReactECharts
            style={{ height: 360 }}
            option={{
              tooltip: {
                formatter: (p: { data: [number, number, number, string] }) => `${p.data[3]}：${p.data[2]} 人次`,
              },
              xAxis: { type: 'value', scale: true, name: '经度' },
              yAxis: { type: 'value', scale: true, name: '纬度' },
              visualMap: { min: 0, max: Math.max(1, ...density.map((d) => d.visits)), dimension: 2, right: 0 },
              series: [
                {
                  type: 'scatter',
                  data: density.map((d) => [d.lng, d.lat, d.visits, d.name]),
                  symbolSize: (v: number[]) => 10 + Math.sqrt(v[2]) * 6,
                  label: { show: true, formatter: (p: { data: unknown[] }) => String(p.data[3]), position: 'top' },
                },
              ],
            }}
          />
        ) : (
          <Typography.Text type="secondary">本月没有带坐标的社区服务记录。</Typography.Text>
        )}
      </Card>
    </Space>
  );
}
