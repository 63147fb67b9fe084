import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Page } from '../../../components/Page';

/** One visit's steps (built next). */
export default function VisitPage() {
  const id = useRouter().params.id ?? '';
  return (
    <Page>
      <Text className="title">工单 {id}</Text>
    </Page>
  );
}
