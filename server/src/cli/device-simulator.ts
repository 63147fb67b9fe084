// A smart-bed device for the demo and the tests: signs an event with the device's secret and posts it
// to /devices/events (carebeds/devices.service.ts).
//   npx tsx src/cli/device-simulator.ts --url http://127.0.0.1:4000 --serial WH-DEMO-0001 \
//     --secret <hex> --kind FALL
import { signDeviceEvent } from '../carebeds/index.js';

export async function sendDeviceEvent(
  baseUrl: string,
  device: { serial: string; secret: string },
  event: { kind: string; note?: string },
  at: Date = new Date(),
  tamper = false,
) {
  const body = JSON.stringify({ kind: event.kind, occurredAt: at.toISOString(), note: event.note });
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = signDeviceEvent(tamper ? `${device.secret}x` : device.secret, timestamp, body);
  const res = await fetch(`${baseUrl.replace(/\/graphql$/, '').replace(/\/$/, '')}/devices/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-device-serial': device.serial,
      'x-device-timestamp': timestamp,
      'x-device-signature': signature,
    },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, any>, signature, timestamp, raw: body };
}

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

if (process.argv[1]?.endsWith('device-simulator.ts')) {
  const url = arg('url') ?? 'http://127.0.0.1:4000';
  const serial = arg('serial') ?? 'WH-DEMO-0001';
  const secret = arg('secret') ?? 'demo-device-secret-0001';
  const kind = arg('kind') ?? 'EMERGENCY_CALL';
  sendDeviceEvent(url, { serial, secret }, { kind, note: '设备模拟器' }).then((r) => {
    console.log(r.status, JSON.stringify(r.body));
    process.exitCode = r.status === 202 ? 0 : 1;
  });
}
