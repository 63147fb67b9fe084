// Smart-bed device events (004 三(一), 五(一)) on a real server: a signed event from the device simulator
// becomes a DEVICE_EVENT alert in the elder's community, with the 24-hour response; a bad signature, a
// stale timestamp and a replay are refused with BAD_SIGNATURE and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDeviceEvent } from '../cli/device-simulator.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { bedWorld } from './carebeds.fixtures.js';
import { registerCareBedDevice } from './devices.service.js';

let now = new Date('2022-12-01T09:00:00+08:00');
let s: TestServer;
let device: { serial: string; secret: string };
let elderId: string;
let communityId: string;
let w: Awaited<ReturnType<typeof bedWorld>>;

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  w = await bedWorld(s);
  elderId = (await w.eldersIn('371002001001'))[0]!;
  communityId = (await s.db.prisma.elder.findUniqueOrThrow({ where: { id: elderId } })).communityId;
  const bedId = await w.walk(elderId, 'APPLIED');
  const r = await registerCareBedDevice(
    s.db.prisma,
    s.app.services.vault,
    { careBedId: bedId, serial: 'WH-T-0001' },
    now,
  );
  device = { serial: r.device.serial, secret: r.secret };
}, 300_000);
afterAll(async () => s?.close());

const counts = async () => ({
  events: await s.db.prisma.careBedDeviceEvent.count(),
  alerts: await s.db.prisma.alert.count({ where: { kind: 'DEVICE_EVENT' } }),
});

describe('smart-bed device events (004 五(一))', () => {
  it('a bad signature, a stale timestamp and a replay are refused, and nothing is written', async () => {
    const before = await counts();
    const bad = await sendDeviceEvent(s.url, device, { kind: 'FALL' }, now, true);
    expect([bad.status, bad.body.errors[0].extensions.code]).toEqual([401, 'BAD_SIGNATURE']);
    expect(bad.body.errors[0].message).toBe('设备签名校验失败（签名不符），事件未被接收。');
    const stale = await sendDeviceEvent(s.url, device, { kind: 'FALL' }, new Date(now.getTime() - 301_000));
    expect(stale.body.errors[0].message).toMatch(/时间戳超出允许范围/);
    const unknown = await sendDeviceEvent(s.url, { ...device, serial: 'WH-NOPE-1' }, { kind: 'FALL' }, now);
    expect(unknown.status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it("a signed fall becomes an alert in the elder's community, due in 24 hours; a replay is refused", async () => {
    const r = await sendDeviceEvent(s.url, device, { kind: 'FALL', note: '卧室跌倒' }, now);
    expect(r.status).toBe(202);
    expect(r.body.respondBy).toBe(new Date(now.getTime() + 24 * 3_600_000).toISOString());
    const alert = await s.db.prisma.alert.findUniqueOrThrow({ where: { id: r.body.alertId } });
    expect(alert).toMatchObject({ kind: 'DEVICE_EVENT', elderId, communityId, status: 'RAISED' });
    expect(alert.detail).toMatchObject({ event: 'FALL', label: '跌倒报警', serial: 'WH-T-0001' });
    // The same signed request sent again (a replay) is refused.
    const res = await fetch(`${s.url.replace(/\/graphql$/, '')}/devices/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-device-serial': device.serial,
        'x-device-timestamp': r.timestamp,
        'x-device-signature': r.signature,
      },
      body: r.raw,
    });
    expect(res.status).toBe(401);
    expect(await s.db.prisma.careBedDeviceEvent.count()).toBe(1);
    // A worker of that community sees it among the alerts (routed like every alert).
    const token = await s.login('wh_worker');
    const list = await s.gql('{ alerts(first: 20) { edges { node { id kind } } } }', {}, token);
    expect(list.data!.alerts.edges.map((e: any) => e.node.id)).toContain(alert.id);
  });

  it('the builder registers a device on its bed by the API; a rotated secret retires the old one', async () => {
    const REG = `mutation($b: ID!, $s: String!) {
      registerCareBedDevice(careBedId: $b, deviceSerial: $s) { deviceId careBedId serial secret } }`;
    const ROT = `mutation($s: String!) { rotateCareBedDeviceSecret(deviceSerial: $s) { deviceId serial secret } }`;
    const code = (r: any) => r.errors?.[0]?.extensions?.code;
    const bed = await w.walk((await w.eldersIn('371002001001'))[1]!, 'CONSTRUCTION');
    const devices = () => s.db.prisma.careBedDevice.count();
    const before = await devices();
    // Bad input, another district and a community worker change nothing.
    expect(code(await w.as('wh_builder', REG, { b: bed, s: 'x' }))).toBe('BAD_USER_INPUT');
    expect(code(await w.as('wh_wendeng_admin', REG, { b: bed, s: 'WH-T-0002' }))).toBe('FORBIDDEN');
    expect(code(await w.as('wh_worker', REG, { b: bed, s: 'WH-T-0002' }))).toBe('FORBIDDEN');
    expect(code(await w.as('wh_builder', REG, { b: bed, s: 'WH-T-0001' }))).toBe('INVALID_STATE');
    expect(await devices()).toBe(before);
    const reg = w.ok(await w.as('wh_builder', REG, { b: bed, s: 'WH-T-0002' }), 'registerCareBedDevice');
    expect(reg).toMatchObject({ careBedId: bed, serial: 'WH-T-0002' });
    expect(reg.secret).toMatch(/^[0-9a-f]{64}$/);
    const dev = { serial: 'WH-T-0002', secret: reg.secret as string };
    expect((await sendDeviceEvent(s.url, dev, { kind: 'EMERGENCY_CALL' }, now)).status).toBe(202);
    // The district replaces the secret: events signed with the old one are refused from now on.
    expect(code(await w.as('wh_wendeng_admin', ROT, { s: dev.serial }))).toBe('FORBIDDEN');
    const rot = w.ok(await w.as('wh_admin', ROT, { s: dev.serial }), 'rotateCareBedDeviceSecret');
    expect(rot.deviceId).toBe(reg.deviceId);
    expect(rot.secret).not.toBe(reg.secret);
    const stale = await sendDeviceEvent(s.url, dev, { kind: 'SMOKE' }, now);
    expect([stale.status, stale.body.errors[0].extensions.code]).toEqual([401, 'BAD_SIGNATURE']);
    const fresh = await sendDeviceEvent(s.url, { ...dev, secret: rot.secret }, { kind: 'SMOKE' }, now);
    expect(fresh.status).toBe(202);
    const stored = await s.db.prisma.careBedDevice.findUniqueOrThrow({ where: { serial: dev.serial } });
    expect(s.app.services.vault.decrypt(stored.secretEnc)).toBe(rot.secret);
  });
});
