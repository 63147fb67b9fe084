import ReactECharts from 'echarts-for-react';

/** One bar per area (street or community), names slanted so a district's streets all fit. */
export function AreaBars(props: { names: string[]; values: number[]; series: string; unit: string; max?: number }) {
  return (
    <ReactECharts
      style={{ height: 320 }}
      notMerge
      option={{
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: props.names, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', name: props.unit, ...(props.max === undefined ? {} : { max: props.max }) },
        series: [{ name: props.series, type: 'bar', data: props.values }],
      }}
    />
  );
}
