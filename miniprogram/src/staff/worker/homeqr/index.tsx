import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { gql } from '../../../api/client';
import { ErrorText } from '../../../components/ErrorText';
import { Page } from '../../../components/Page';
import { isWeapp } from '../../../lib/platform';
import { useAction } from '../../../lib/useAction';
import { useLoad } from '../../../lib/useLoad';
import { HomeQrCardDocument } from '../api/generated';
import './index.css';

/**
 * The home QR code as a card to print and put up at the elder's door: the caregiver scans it to check in and out.
 * Printing is the browser's (H5); in WeChat the worker saves the picture and prints it elsewhere.
 */
export default function HomeQr() {
  const id = useRouter().params.id ?? '';
  const [rotate, setRotate] = useState(0);
  const card = useLoad(
    async () => (await gql(HomeQrCardDocument, { elderId: id, rotate: rotate > 0 })).homeQrCard,
    [id, rotate],
  );
  const { error, run } = useAction();
  const c = card.data;
  return (
    <Page>
      <ErrorText error={card.error ?? error} />
      {c ? (
        <View className="print-card" id="home-qr">
          <Text className="title">上门服务签到码</Text>
          <Text className="big">{c.elder.name} 家</Text>
          <Text style={{ display: 'block' }}>
            {c.elder.community.name} · {c.elder.address}
          </Text>
          <Image
            className="home-qr-image"
            src={c.qrDataUrl}
            mode="aspectFit"
            style={{ width: '480rpx', height: '480rpx', display: 'block', margin: '16px auto' }}
          />
          <Text className="small home-qr-token" style={{ display: 'block' }} selectable>
            {c.token}
          </Text>
          <Text className="small" style={{ display: 'block' }}>
            护理员上门时扫此码签到、签退。请勿撕毁；丢失或被复制请联系社区重新打印。
          </Text>
        </View>
      ) : null}
      <View className="no-print">
        {isWeapp() ? (
          <Text className="small">长按二维码图片保存到手机后打印。</Text>
        ) : (
          <Button className="btn primary block" id="print" onClick={() => window.print()}>
            打印
          </Button>
        )}
        <Button
          className="btn block"
          id="rotate"
          onClick={() =>
            void run(async () => {
              const ok = await Taro.showModal({
                title: '重新生成',
                content: '旧的门牌码将作废，需要重新打印张贴。确定吗？',
              });
              if (ok.confirm) setRotate((n) => n + 1);
            })
          }
        >
          作废旧码，重新生成
        </Button>
      </View>
    </Page>
  );
}
