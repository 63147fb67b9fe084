import { Button, Input, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { gql } from '../../api/client';
import { FamilyRelationsDocument, LinkElderDocument } from '../../api/generated';
import { Chips } from '../../components/Chips';
import { ErrorText } from '../../components/ErrorText';
import { Page } from '../../components/Page';
import { setState } from '../../lib/store';
import { useAction } from '../../lib/useAction';
import { useLoad } from '../../lib/useLoad';

/** A family member enters the code the community worker gave them. */
export default function Link() {
  const relations = useLoad(async () => (await gql(FamilyRelationsDocument)).familyRelations, []);
  const [code, setCode] = useState('');
  const [relation, setRelation] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const submit = () => {
    if (!relation) return setError(new Error('请选择您与老人的关系。'));
    return run(async () => {
      const elder = (await gql(LinkElderDocument, { code, relation })).linkElder;
      setState({ elderId: elder.id });
      await Taro.showToast({ title: `已关联${elder.name}`, icon: 'success' });
      await Taro.reLaunch({ url: '/pages/index/index' });
    });
  };
  return (
    <Page>
      <Text className="title">关联老人</Text>
      <Text className="small" style={{ display: 'block' }}>
        请向老人所在社区的工作人员领取 8 位关联码。
      </Text>
      <Text className="field">关联码</Text>
      <Input
        id="link-code"
        className="input"
        maxlength={9}
        placeholder="例如 K7MQ2XPA"
        value={code}
        onInput={(e) => setCode(e.detail.value)}
      />
      <Text className="field">您是老人的</Text>
      <Chips
        options={(relations.data ?? []).map((r) => ({ value: r, label: r }))}
        value={relation}
        onChange={setRelation}
      />
      <ErrorText error={error ?? relations.error} />
      <Button className="btn primary block" disabled={busy} onClick={submit}>
        确认关联
      </Button>
    </Page>
  );
}
