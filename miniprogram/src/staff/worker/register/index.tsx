import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { gql } from '../../../api/client';
import { Chips } from '../../../components/Chips';
import { ErrorText } from '../../../components/ErrorText';
import { Page } from '../../../components/Page';
import { useAction } from '../../../lib/useAction';
import { useLoad } from '../../../lib/useLoad';
import { RegisterElderDocument, WorkerEldersDocument } from '../api/generated';

const FIELDS = [
  ['name', '姓名', '如 张桂兰'],
  ['idNumber', '身份证号', '18 位'],
  ['birthDate', '出生日期', 'YYYY-MM-DD'],
  ['address', '住址', '如 前川街道某路 8 号 2 单元 301'],
  ['phone', '联系电话', '手机或座机（选填）'],
] as const;

/** 登记老人 into the worker's own community; the server checks the ID number, the dates and the duplicates. */
export default function RegisterElder() {
  const me = useLoad(async () => (await gql(WorkerEldersDocument, { first: 1 })).me, []);
  const [form, setForm] = useState<Record<string, string>>({});
  const [gender, setGender] = useState<'MALE' | 'FEMALE' | null>(null);
  const { busy, error, setError, run } = useAction();
  const submit = () => {
    const community = me.data?.region?.code;
    if (!community) return setError(new Error('您的账号没有所属社区，不能登记老人。'));
    return run(async () => {
      const elder = (
        await gql(RegisterElderDocument, {
          input: {
            name: form.name?.trim() ?? '',
            idNumber: form.idNumber?.trim() ?? '',
            birthDate: form.birthDate?.trim() ?? '',
            address: form.address?.trim() ?? '',
            phone: form.phone?.trim() || null,
            gender,
            communityCode: community,
          },
        })
      ).registerElder;
      await Taro.showToast({ title: `已登记${elder.name}`, icon: 'success' });
      await Taro.redirectTo({ url: `/staff/worker/elder/index?id=${elder.id}` });
    });
  };
  return (
    <Page>
      <Text className="title">登记老人</Text>
      <Text className="small" style={{ display: 'block' }}>
        登记到：{me.data?.region?.name ?? '…'}
      </Text>
      {FIELDS.map(([key, label, hint]) => (
        <View key={key}>
          <Text className="field">{label}</Text>
          <Input
            id={`elder-${key}`}
            className="input"
            placeholder={hint}
            value={form[key] ?? ''}
            onInput={(e) => setForm((f) => ({ ...f, [key]: e.detail.value }))}
          />
        </View>
      ))}
      <Text className="field">性别</Text>
      <Chips
        id="elder-gender"
        options={[
          { value: 'FEMALE' as const, label: '女' },
          { value: 'MALE' as const, label: '男' },
        ]}
        value={gender}
        onChange={setGender}
      />
      <ErrorText error={error ?? me.error} />
      <Button className="btn primary block" id="elder-submit" disabled={busy} onClick={() => void submit()}>
        登记
      </Button>
    </Page>
  );
}
