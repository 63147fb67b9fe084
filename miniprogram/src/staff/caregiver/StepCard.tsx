import { Button, Image, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { useAction } from '../../lib/useAction';
import { currentPosition, scanHomeCode, scanOnH5, takePhoto, type Position } from './device';

/** What a check-in or check-out needs from the phone: the home code, the position and a photo. */
export interface Evidence {
  qrToken: string;
  position: Position;
  photo: string;
}

/**
 * 签到 / 签退 in three steps the caregiver can see done: scan the home QR code (on H5 the code is
 * typed; there is no scanner), take the position, take a photo; then one button sends them.
 */
export function StepCard({
  kind,
  onSubmit,
}: {
  kind: 'checkIn' | 'checkOut';
  onSubmit: (e: Evidence) => Promise<void>;
}) {
  const label = kind === 'checkIn' ? '签到' : '签退';
  const [qr, setQr] = useState('');
  const [position, setPosition] = useState<Position | null>(null);
  const [photo, setPhoto] = useState<string | null>(null);
  const step = useAction();
  const send = useAction();
  const ready = !!qr.trim() && !!position && !!photo;
  return (
    <View className="card" id={`${kind}-card`}>
      <Text className="title">{label}</Text>
      <View className="kv">
        <Text>1. 扫老人家中的二维码</Text>
        <Text className={qr ? 'ok' : 'muted'} id={`${kind}-qr-state`}>
          {qr ? '已扫码' : '未扫码'}
        </Text>
      </View>
      {scanOnH5() ? (
        <Input
          id={`${kind}-qr`}
          className="input"
          placeholder="输入二维码下方的编码"
          value={qr}
          onInput={(e) => setQr(e.detail.value.trim())}
        />
      ) : (
        <Button
          className="btn block"
          id={`${kind}-scan`}
          onClick={() => step.run(async () => setQr(await scanHomeCode()))}
        >
          扫码
        </Button>
      )}
      <View className="kv">
        <Text>2. 定位</Text>
        <Text className={position ? 'ok' : 'muted'} id={`${kind}-position`}>
          {position ? `${position.latitude.toFixed(5)}, ${position.longitude.toFixed(5)}` : '未定位'}
        </Text>
      </View>
      <Button
        className="btn block"
        id={`${kind}-locate`}
        disabled={step.busy}
        onClick={() => step.run(async () => setPosition(await currentPosition()))}
      >
        获取定位
      </Button>
      <View className="kv">
        <Text>3. 现场照片</Text>
        <Text className={photo ? 'ok' : 'muted'} id={`${kind}-photo-state`}>
          {photo ? '已拍照' : '未拍照'}
        </Text>
      </View>
      {photo ? <Image className="photo" src={photo} mode="aspectFill" /> : null}
      <Button
        className="btn block"
        id={`${kind}-photo`}
        disabled={step.busy}
        onClick={() => step.run(async () => setPhoto(await takePhoto()))}
      >
        拍照
      </Button>
      <ErrorText error={step.error ?? send.error} />
      <Button
        className="btn primary block"
        id={`${kind}-submit`}
        disabled={!ready || send.busy}
        onClick={() => send.run(() => onSubmit({ qrToken: qr.trim(), position: position!, photo: photo! }))}
      >
        提交{label}
      </Button>
    </View>
  );
}
