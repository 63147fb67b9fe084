import { Button, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { gql } from '../../../api/client';
import { ErrorText } from '../../../components/ErrorText';
import { Page } from '../../../components/Page';
import { dateTime, shanghai } from '../../../lib/format';
import { useAction } from '../../../lib/useAction';
import { useLoad } from '../../../lib/useLoad';
import {
  DepartForVisitDocument,
  RecordVisitNotesDocument,
  VisitDocument,
  type VisitCardFragment,
} from '../api/generated';
import { openMap } from '../device';
import { VISIT_STATUS, needsLine } from '../needs';
import { enqueue, flush, isOffline, pendingFor, refusedFor, send, watchNetwork, type QueuedStep } from '../queue';
import { SignOff } from '../SignOff';
import { StepCard, type Evidence } from '../StepCard';
import '../caregiver.css';

/** 服务记录: what was done, saved on the visit until it is confirmed. */
function Notes({ o, onSaved }: { o: VisitCardFragment; onSaved: (o: VisitCardFragment) => void }) {
  const [text, setText] = useState(o.visit?.serviceNotes ?? '');
  const save = useAction();
  const [saved, setSaved] = useState(false);
  return (
    <View className="card" id="notes-card">
      <Text className="title">服务记录</Text>
      <Textarea
        id="service-notes"
        className="textarea"
        maxlength={1000}
        placeholder="这次服务做了什么、老人的情况（如：打扫客厅和厨房，老人精神好）"
        value={text}
        onInput={(e) => {
          setText(e.detail.value);
          setSaved(false);
        }}
      />
      <Button
        className="btn block"
        id="notes-save"
        disabled={save.busy}
        onClick={() =>
          save.run(async () => {
            onSaved((await gql(RecordVisitNotesDocument, { orderId: o.id, serviceNotes: text })).recordVisitNotes);
            setSaved(true);
          })
        }
      >
        保存服务记录
      </Button>
      {saved ? (
        <Text className="ok" id="notes-saved">
          已保存
        </Text>
      ) : null}
      <ErrorText error={save.error} />
    </View>
  );
}

/** One visit from 出发 to the elder's sign-off, as the caregiver does it at the elder's home. */
export default function VisitPage() {
  const id = useRouter().params.id ?? '';
  const loaded = useLoad(async () => (await gql(VisitDocument, { id })).order, [id]);
  const [order, setOrder] = useState<VisitCardFragment | null>(null);
  const [queued, setQueued] = useState(() => pendingFor(id).length);
  const depart = useAction();
  useEffect(() => setOrder(loaded.data), [loaded.data]);
  useEffect(
    () =>
      watchNetwork(() => {
        setQueued(pendingFor(id).length);
        void loaded.reload();
      }) as () => void,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id],
  );

  /** Sends a step now; without a network it is kept with the phone's time and sent later. */
  const step = async (kind: QueuedStep['kind'], e: Evidence) => {
    const base = { orderId: id, latitude: e.position.latitude, longitude: e.position.longitude, qrToken: e.qrToken };
    const queuedStep: QueuedStep = { kind, input: base, photo: e.photo, recordedAt: new Date().toISOString() };
    try {
      // Online the server's own time counts; recordedAt is only for a step that waited.
      await flush();
      const done = await send(queuedStep, { live: true });
      setOrder(done);
    } catch (err) {
      if (!isOffline(err)) throw err;
      enqueue(queuedStep);
      setQueued(pendingFor(id).length);
    }
  };

  const o = order;
  const refused = refusedFor(id);
  return (
    <Page>
      <ErrorText error={loaded.error} />
      {o ? (
        <>
          <View className="card" id="visit-card">
            <View className="row">
              <Text className="title">
                {o.elder.name} · {o.service.name}
              </Text>
              <Text className="pill" id="visit-status">
                {queued ? '待补传' : (VISIT_STATUS[o.status] ?? o.status)}
              </Text>
            </View>
            <Text style={{ display: 'block' }}>预约 {dateTime(o.scheduledAt)}</Text>
            <Text className="small" style={{ display: 'block' }} id="visit-window">
              签到时间：{dateTime(o.checkInWindow.opensAt)} 至 {shanghai(o.checkInWindow.closesAt).time}（
              {o.checkInWindow.source}）
            </Text>
            <Text style={{ display: 'block' }}>{o.elder.address}</Text>
            <Text className="small" style={{ display: 'block' }}>
              {needsLine(o)}
            </Text>
            <Button className="btn" id="map-link" onClick={() => void openMap(o.elder).catch(() => undefined)}>
              地图导航
            </Button>
          </View>
          {queued ? (
            <View className="banner warn" id="queued-banner">
              <Text>没有网络：已在手机上记录（{queued} 条），网络恢复后自动补传。</Text>
            </View>
          ) : null}
          {refused.map((r, i) => (
            <View role="alert" key={i}>
              <Text className="error">补传被拒：{r.message}</Text>
            </View>
          ))}
          {o.status === 'ASSIGNED' && !queued ? (
            <>
              {o.departedAt ? (
                <Text className="ok" id="departed">
                  已出发（{shanghai(o.departedAt).time}），已通知家属
                </Text>
              ) : (
                <Button
                  className="btn primary block"
                  id="depart"
                  disabled={depart.busy}
                  onClick={() =>
                    depart.run(async () =>
                      setOrder((await gql(DepartForVisitDocument, { orderId: id })).departForVisit),
                    )
                  }
                >
                  出发
                </Button>
              )}
              <ErrorText error={depart.error} />
              <StepCard kind="checkIn" onSubmit={(e) => step('checkIn', e)} />
            </>
          ) : null}
          {o.status === 'IN_SERVICE' && !queued ? (
            <>
              <Notes o={o} onSaved={setOrder} />
              <StepCard kind="checkOut" onSubmit={(e) => step('checkOut', e)} />
            </>
          ) : null}
          {o.status === 'COMPLETED' && !queued ? (
            <>
              <Text style={{ display: 'block' }} id="checked-out">
                已签退，服务 {o.visit?.durationMinutes ?? 0} 分钟
              </Text>
              <Notes o={o} onSaved={setOrder} />
              <SignOff orderId={id} onDone={setOrder} />
            </>
          ) : null}
          {o.status === 'CONFIRMED' ? (
            <View className="card" id="confirmed">
              <Text className="ok">
                老人已确认（{o.evidence === 'ELDER_SIGNATURE' ? '老人签名' : '确认码或家属确认'}），服务{' '}
                {o.visit?.durationMinutes ?? 0} 分钟
              </Text>
            </View>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
