import { Button, Input, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { ApiError, gql } from '../../api/client';
import { ErrorText } from '../../components/ErrorText';
import { dateTime } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import {
  ConfirmVisitBySignOffDocument,
  RequestVisitSignOffDocument,
  SignOffVisitDocument,
  type VisitCardFragment,
} from './api/generated';
import { uploadImage } from './device';
import { SignaturePad, type SignatureHandle } from './SignaturePad';

/**
 * After 签退 the elder vouches for the visit (000 六·流程2 老人签字确认): a signature on this phone
 * where the programme accepts it, or the one-time code sent to the elder and family, read out to
 * the caregiver. A programme that does not take signatures says so (EVIDENCE_NOT_ACCEPTED) and the
 * page offers the code.
 */
export function SignOff({ orderId, onDone }: { orderId: string; onDone: (o: VisitCardFragment) => void }) {
  const pad = useRef<SignatureHandle | null>(null);
  const [useCode, setUseCode] = useState(false);
  const [sentUntil, setSentUntil] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const sign = useAction();
  const byCode = useAction();

  const submitSignature = () =>
    sign.run(async () => {
      if (!pad.current?.drawn()) throw new ApiError('请老人先在框内签名。', 'BAD_USER_INPUT');
      const fileId = await uploadImage(await pad.current.exportPng());
      try {
        onDone((await gql(SignOffVisitDocument, { orderId, signatureFileId: fileId })).signOffVisit);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'EVIDENCE_NOT_ACCEPTED') setUseCode(true);
        throw err;
      }
    });

  return (
    <View className="card" id="signoff-card">
      <Text className="title">老人确认</Text>
      {!useCode ? (
        <>
          <Text className="small" style={{ display: 'block' }}>
            请老人核对服务后在下框内签名。
          </Text>
          <SignaturePad handle={pad} />
          <View className="row">
            <Button className="btn" id="signature-clear" onClick={() => pad.current?.clear()}>
              重签
            </Button>
            <Button className="btn primary" id="signature-submit" disabled={sign.busy} onClick={submitSignature}>
              提交签名
            </Button>
          </View>
          <ErrorText error={sign.error} />
          <Button className="btn block" id="use-code" onClick={() => setUseCode(true)}>
            老人不便签名，改用确认码
          </Button>
        </>
      ) : (
        <>
          <Text className="small" style={{ display: 'block' }}>
            确认码发给老人和家属（不发给护理员），请老人或家属核实服务后把码告诉您。
          </Text>
          <Button
            className="btn block"
            id="request-code"
            disabled={byCode.busy}
            onClick={() =>
              byCode.run(async () =>
                setSentUntil((await gql(RequestVisitSignOffDocument, { orderId })).requestVisitSignOff.expiresAt),
              )
            }
          >
            {sentUntil ? '重新发送确认码' : '发送确认码'}
          </Button>
          {sentUntil ? <Text className="small">确认码已发送，{dateTime(sentUntil)} 前有效。</Text> : null}
          <Input
            id="signoff-code"
            className="input"
            type="number"
            maxlength={6}
            placeholder="老人或家属报出的 6 位确认码"
            value={code}
            onInput={(e) => setCode(e.detail.value)}
          />
          <Button
            className="btn primary block"
            id="signoff-code-submit"
            disabled={byCode.busy}
            onClick={() =>
              byCode.run(async () =>
                onDone((await gql(ConfirmVisitBySignOffDocument, { orderId, code })).confirmVisitBySignOff),
              )
            }
          >
            确认
          </Button>
          <ErrorText error={byCode.error} />
          <Button className="btn block" onClick={() => setUseCode(false)}>
            改回老人签名
          </Button>
        </>
      )}
    </View>
  );
}
