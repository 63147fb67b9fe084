// A list with its 导出 Excel button: the same columns on screen and in the file.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table } from 'antd';
import type { ReactNode } from 'react';
import { exportExcel, type ExcelColumn } from './excel';

export interface Column<T> extends ExcelColumn<T> {
  /** What the screen shows when it differs from the file's text (a link, a tag). */
  render?: (row: T) => ReactNode;
}

export function ListCard<T extends { id: string }>(props: {
  title: string;
  file: string;
  rows: T[];
  columns: Column<T>[];
  loading?: boolean;
  filters?: ReactNode;
  testId?: string;
}) {
  const { message } = App.useApp();
  return (
    <Card
      size="small"
      title={props.title}
      data-testid={props.testId}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            exportExcel(props.file, props.title, props.columns, props.rows).catch((e: Error) =>
              message.error(e.message),
            )
          }
        >
          导出 Excel
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {props.filters}
        <Table<T>
          rowKey="id"
          size="small"
          loading={props.loading}
          dataSource={props.rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条`, showSizeChanger: false }}
          columns={props.columns.map((c, i) => ({
            key: i,
            title: c.header,
            // The Excel width (characters) as a minimum on screen, so short Chinese cells do not wrap per glyph.
            width: c.width ? c.width * 9 : undefined,
            render: (_: unknown, row: T) => (c.render ? c.render(row) : (c.value(row) ?? '—')),
          }))}
        />
      </Space>
    </Card>
  );
}
