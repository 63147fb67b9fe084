import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { gql } from '../../../api/client';
import { ErrorText } from '../../../components/ErrorText';
import { Page } from '../../../components/Page';
import { dateTime } from '../../../lib/format';
import { useAction } from '../../../lib/useAction';
import { useLoad } from '../../../lib/useLoad';
import { IssueFamilyLinkCodeDocument, type IssueFamilyLinkCodeMutation, WorkerElderDocument } from '../api/generated';
import { QrCode } from '../QrCode';

const GENDER: Record<string, string> = { MALE: '男', FEMALE: '女' };
const SELF_CARE: Record<string, string> = { SELF_CARE: '能自理', PARTIAL: '半失能', DISABLED: '失能' };

/** One elder of the community: the record, the family linked, a family link code, and the home QR code to print. */
export default function WorkerElder() {
  const id = useRouter().params.id ?? '';
  const elder = useLoad(async () => (await gql(WorkerElderDocument, { id })).elder, [id]);
  const [link, setLink] = useState<IssueFamilyLinkCodeMutation['issueFamilyLinkCode'] | null>(null);
  const { busy, error, run } = useAction();
  const e = elder.data;
  return (
    <Page>
      <ErrorText error={elder.error} />
      {e ? (
        <View className="card" id="elder-detail">
          <Text className="title">{e.name}</Text>
          <View className="kv">
            <Text>
              {GENDER[e.gender] ?? e.gender} · {e.age} 岁（{e.birthDate}）
            </Text>
            <Text>身份证：{e.idNumberMasked}</Text>
            <Text>电话：{e.phone ?? '—'}</Text>
            <Text>
              {e.community.name} · {e.address}
            </Text>
            <Text>自理能力：{SELF_CARE[e.selfCareAbility] ?? e.selfCareAbility}</Text>
            <Text>{e.enrolment ? `${e.enrolment.policy.name}（${e.enrolment.status}）` : '未纳入政府购买服务'}</Text>
            <Text>
              已关联家属：{e.family.length ? e.family.map((f) => `${f.name}（${f.relation}）`).join('、') : '无'}
            </Text>
          </View>
        </View>
      ) : null}
      <Button
        className="btn primary block"
        id="issue-link-code"
        disabled={busy || !e}
        onClick={() =>
          void run(async () => setLink((await gql(IssueFamilyLinkCodeDocument, { elderId: id })).issueFamilyLinkCode))
        }
      >
        发放家属关联码
      </Button>
      {link ? (
        <QrCode
          label="家属关联码"
          text={link.code}
          src={link.qrDataUrl}
          hint={`家属在小程序“关联老人”中输入，${dateTime(link.expiresAt)} 前有效，只能用一次。`}
        />
      ) : null}
      <ErrorText error={error} />
      <Button
        className="btn block"
        id="open-home-qr"
        onClick={() => void Taro.navigateTo({ url: `/staff/worker/homeqr/index?id=${id}` })}
      >
        打印门牌二维码
      </Button>
    </Page>
  );
}
