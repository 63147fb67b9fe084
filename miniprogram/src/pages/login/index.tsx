import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { gql } from '../../api/client';
import {
  PasswordLoginDocument,
  PhoneLoginDocument,
  RequestLoginCodeDocument,
  WechatLoginDocument,
} from '../../api/generated';
import { ErrorText } from '../../components/ErrorText';
import { FontToggle } from '../../components/FontToggle';
import { Page } from '../../components/Page';
import { PRIVACY_VERSION, PrivacyConsent } from '../../components/PrivacyConsent';
import { isWeapp, wechatCode } from '../../lib/platform';
import { homeFor } from '../../lib/roles';
import { signIn, useStore } from '../../lib/store';
import { useAction } from '../../lib/useAction';

/** WeChat login in the mini-program; phone number + SMS code on H5; staff accounts by username and password. */
export default function Login() {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sandboxCode, setSandboxCode] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [staff, setStaff] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run: act } = useAction();
  const consented = useStore((s) => s.privacyConsent === PRIVACY_VERSION);
  // The server says when another code may be asked for (resendAt); the button counts down to it.
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    if (resendAt === null || tick >= resendAt) return;
    const t = setTimeout(() => setTick(Date.now()), 1000);
    return () => clearTimeout(t);
  }, [resendAt, tick]);
  // Capped: the server's clock may run ahead of the phone's (a demo on another date).
  const wait = resendAt === null ? 0 : Math.min(120, Math.max(0, Math.ceil((resendAt - tick) / 1000)));
  const needConsent = !consented ? (
    <Text className="small" id="consent-needed" style={{ display: 'block' }}>
      请先阅读上面的个人信息保护说明并点“已同意”一行，再登录。
    </Text>
  ) : null;

  const done = (p: { token: string; user: { id: string; role: string; displayName: string } }) => {
    signIn(p.token, p.user);
    // The role comes from the account: staff start in their own pages (staff subpackage).
    void Taro.reLaunch({ url: homeFor(p.user.role) });
  };
  return (
    <Page requireLogin={false}>
      <Text className="title">颐联居家养老</Text>
      <Text className="small" style={{ display: 'block', marginBottom: '16px' }}>
        为家中老人预约上门服务、查看补贴余额和服务记录
      </Text>
      <PrivacyConsent />
      {needConsent}
      {isWeapp() ? (
        <Button
          className="btn primary block"
          id="wechat-login"
          disabled={busy || !consented}
          onClick={() =>
            act(async () => done((await gql(WechatLoginDocument, { code: await wechatCode() })).wechatLogin))
          }
        >
          微信一键登录
        </Button>
      ) : (
        <View className="card">
          <Text className="field">手机号</Text>
          <Input
            id="phone"
            className="input"
            type="number"
            maxlength={11}
            placeholder="请输入 11 位手机号"
            value={phone}
            onInput={(e) => setPhone(e.detail.value)}
          />
          <Button
            className="btn block"
            id="send-code"
            disabled={busy || !consented || wait > 0}
            onClick={() =>
              act(async () => {
                const r = (await gql(RequestLoginCodeDocument, { phone })).requestLoginCode;
                setSent(true);
                setSandboxCode(r.sandboxCode ?? null);
                setResendAt(new Date(r.resendAt).getTime());
                setTick(Date.now());
              })
            }
          >
            {wait > 0 ? `${wait} 秒后可重新获取` : sent ? '重新获取验证码' : '获取验证码'}
          </Button>
          {sandboxCode ? (
            <View className="banner" id="sandbox-code">
              <Text>演示环境（短信沙箱，不发真实短信）：验证码 {sandboxCode}</Text>
            </View>
          ) : null}
          {sent ? (
            <>
              <Text className="field">验证码</Text>
              <Input
                id="code"
                className="input"
                type="number"
                maxlength={6}
                placeholder="短信中的 6 位数字"
                value={code}
                onInput={(e) => setCode(e.detail.value)}
              />
              <Button
                className="btn primary block"
                id="login"
                disabled={busy || !consented}
                onClick={() => act(async () => done((await gql(PhoneLoginDocument, { phone, code })).phoneLogin))}
              >
                登录
              </Button>
            </>
          ) : null}
        </View>
      )}
      {staff ? (
        <View className="card" id="staff-login">
          <Text className="field">工作人员账号</Text>
          <Input
            id="username"
            className="input"
            placeholder="机构分配的账号"
            value={username}
            onInput={(e) => setUsername(e.detail.value)}
          />
          <Text className="field">密码</Text>
          <Input
            id="password"
            className="input"
            password
            placeholder="密码"
            value={password}
            onInput={(e) => setPassword(e.detail.value)}
          />
          <Button
            className="btn primary block"
            id="staff-submit"
            disabled={busy}
            onClick={() =>
              act(async () => done((await gql(PasswordLoginDocument, { username, password })).passwordLogin))
            }
          >
            工作人员登录
          </Button>
        </View>
      ) : (
        <Button className="btn block" id="staff-login-open" onClick={() => setStaff(true)}>
          护理员、机构和社区工作人员登录
        </Button>
      )}
      <ErrorText error={error} />
      <Button
        className="btn block"
        id="to-directory"
        onClick={() => void Taro.navigateTo({ url: '/pages/directory/index' })}
      >
        养老服务机构名录
      </Button>
      <FontToggle />
    </Page>
  );
}
