import { Text, View } from '@tarojs/components';
import { setState, useStore } from '../lib/store';

/** Bumped when what is collected changes: a consent given to an older text is asked again. */
export const PRIVACY_VERSION = '2026-12';

/**
 * 个人信息保护说明 before the first login (个人信息保护法 第十三、十四、十七条: tell what is collected,
 * why and for how long, and who else receives it, before collecting; 第二十八、二十九条: health and
 * location are sensitive and need separate consent). Remembered on the device with its version.
 */
export function PrivacyConsent() {
  const agreed = useStore((s) => s.privacyConsent === PRIVACY_VERSION);
  return (
    <View className="card" id="privacy">
      <Text className="field">个人信息保护说明</Text>
      <Text className="small" style={{ display: 'block' }}>
        登录和使用本服务，我们会收集和使用以下信息，只用于政府购买居家养老服务：
      </Text>
      <View className="privacy-list">
        <Text className="small" style={{ display: 'block' }}>
          · 手机号或微信身份：用于登录、发送验证码和服务通知。
        </Text>
        <Text className="small" style={{ display: 'block' }}>
          · 老人的姓名、身份证号、住址、家庭情况：用于核定补贴资格、安排护理员上门。
        </Text>
        <Text className="small" style={{ display: 'block' }}>
          · 健康和自理能力评估（敏感个人信息）：用于确定补贴标准和服务内容。
        </Text>
        <Text className="small" style={{ display: 'block' }}>
          · 服务记录、签到位置和服务照片：用于核实服务、结算补贴和处理投诉。
        </Text>
        <Text className="small" style={{ display: 'block' }}>
          · 紧急求助时的位置（敏感个人信息）：只在您点紧急求助并允许时获取，转给呼叫中心。
        </Text>
      </View>
      <Text className="small" style={{ display: 'block' }}>
        这些信息提供给民政部门、所在社区和承接服务的机构，不用于其他目的，不出售；服务终止后按档案管理规定保存。您可以随时查询、更正，或申请删除和撤回同意（联系社区工作人员）。
      </Text>
      <View
        className="row toggle"
        id="privacy-consent"
        role="checkbox"
        aria-checked={agreed}
        aria-label="我已阅读并同意个人信息保护说明"
        onClick={() => setState({ privacyConsent: agreed ? null : PRIVACY_VERSION })}
      >
        <Text className={`pill${agreed ? ' on' : ''}`}>{agreed ? '已同意' : '未同意'}</Text>
        <Text>我已阅读并同意以上说明（含敏感个人信息的处理）</Text>
      </View>
    </View>
  );
}
