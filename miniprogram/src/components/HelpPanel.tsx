import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { gql } from '../api/client';
import { CallForHelpDocument, HelpDeskDocument, type HelpPurpose } from '../api/generated';
import { locate, phoneCall } from '../lib/platform';
import { useAction } from '../lib/useAction';
import { useLoad } from '../lib/useLoad';
import { ErrorText } from './ErrorText';

const PURPOSE: Record<HelpPurpose, string> = { SOS: '紧急救援', FAMILY: '联络紧急联络人', LOCATE: '定位查询' };

/**
 * One tap rings the number and records the call for the call centre (000 四 线上服务表: 紧急救援,
 * 联络紧急联络人, 定位查询 are calls, not bookings), with the elder's position when they allow it.
 */
export function HelpPanel({ elderId, purposes }: { elderId: string; purposes: HelpPurpose[] }) {
  const desk = useLoad(async () => (await gql(HelpDeskDocument, { elderId })).helpDesk, [elderId]);
  const action = useAction();
  const [calling, setCalling] = useState<{ name: string; phone: string; alreadyOpen: boolean } | null>(null);
  const ring = (purpose: HelpPurpose, line: { name: string; phone: string }) =>
    void action.run(async () => {
      const where = await locate();
      const recorded = gql(CallForHelpDocument, { input: { elderId, purpose, phone: line.phone, ...where } });
      // The call first: a failed record must never stop the phone from ringing.
      await phoneCall(line.phone).catch(() => undefined);
      const r = (await recorded).callForHelp;
      setCalling({ ...line, alreadyOpen: r.alreadyOpen });
    });
  const lines = desk.data?.lines ?? [];
  return (
    <View className="card help" id="help">
      <ErrorText error={desk.error ?? action.error} />
      {purposes.map((purpose) => (
        <View key={purpose} className="help-purpose" data-purpose={purpose}>
          <Text className="title">{PURPOSE[purpose]}</Text>
          {lines
            .filter((l) => l.purposes.includes(purpose))
            .map((l) => (
              <Button
                key={l.phone}
                className={`btn block${purpose === 'SOS' ? ' sos' : ' primary'}`}
                data-phone={l.phone}
                disabled={action.busy}
                onClick={() => ring(purpose, l)}
              >
                {`呼叫${l.name} `}
                {/* A phone number never breaks at its dash. */}
                <Text className="nowrap">{l.phone}</Text>
              </Button>
            ))}
          {desk.data && !lines.some((l) => l.purposes.includes(purpose)) ? (
            <Text className="small">没有可拨打的号码，请联系社区工作人员补充紧急联系人。</Text>
          ) : null}
        </View>
      ))}
      {calling ? (
        <View role="status" id="help-calling">
          <Text>
            {`正在呼叫${calling.name} ${calling.phone}。已通知呼叫中心和社区跟进`}
            {calling.alreadyOpen ? '（已记在上一次求助里）' : ''}。
          </Text>
        </View>
      ) : null}
    </View>
  );
}
