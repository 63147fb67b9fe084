import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { gql } from '../../api/client';
import { ErrorText } from '../../components/ErrorText';
import { dateTime } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useLoad } from '../../lib/useLoad';
import {
  AcknowledgeAlertDocument,
  ResolveAlertDocument,
  WorkerAlertsDocument,
  type WorkerAlertsQuery,
} from './api/generated';

type Alert = WorkerAlertsQuery['alerts']['edges'][number]['node'];
const STATUS: Record<string, string> = { RAISED: '待认领', ACKNOWLEDGED: '处理中', RESOLVED: '已处理' };

function AlertCard({ a, onChange }: { a: Alert; onChange: () => void }) {
  const [outcome, setOutcome] = useState('');
  const { busy, error, run } = useAction();
  return (
    <View className="card alert-card" data-alert={a.id}>
      <View className="row">
        <Text className="title">
          {a.elder.name} · {a.reason}
        </Text>
        <Text className="pill alert-status">{STATUS[a.status] ?? a.status}</Text>
      </View>
      <Text style={{ display: 'block' }}>{a.summary}</Text>
      <Text className="small" style={{ display: 'block' }}>
        告警 {a.ref} · {dateTime(a.raisedAt)}
        {a.status === 'RAISED' ? ` · 请在 ${dateTime(a.acknowledgeBy)} 前认领` : ''}
      </Text>
      {a.status === 'RAISED' ? (
        <Button
          className="btn primary block claim"
          disabled={busy}
          onClick={() => void run(async () => (await gql(AcknowledgeAlertDocument, { id: a.id }), onChange()))}
        >
          认领（我来处理）
        </Button>
      ) : (
        <View>
          <Text className="field">处理结果</Text>
          <Input
            className="input outcome"
            placeholder="如：已上门查看，老人安好"
            value={outcome}
            onInput={(e) => setOutcome(e.detail.value)}
          />
          <Button
            className="btn primary block resolve"
            disabled={busy}
            onClick={() => void run(async () => (await gql(ResolveAlertDocument, { id: a.id, outcome }), onChange()))}
          >
            处理完毕
          </Button>
        </View>
      )}
      <ErrorText error={error} />
    </View>
  );
}

/** The community's open alerts: claim one (acknowledge), then resolve it with what was done. */
export function AlertQueue() {
  const list = useLoad(async () => {
    const [raised, mine] = await Promise.all([
      gql(WorkerAlertsDocument, { status: 'RAISED' }),
      gql(WorkerAlertsDocument, { status: 'ACKNOWLEDGED' }),
    ]);
    return [...raised.alerts.edges, ...mine.alerts.edges].map((e) => e.node);
  }, []);
  return (
    <View id="alerts">
      <Text className="title">告警待办（{list.data?.length ?? 0}）</Text>
      <ErrorText error={list.error} />
      {(list.data ?? []).map((a) => (
        <AlertCard key={a.id} a={a} onChange={() => void list.reload()} />
      ))}
      {list.data && list.data.length === 0 ? <Text className="muted">暂无待处理的告警。</Text> : null}
    </View>
  );
}
