// The phone's scanner, position, camera and map for the caregiver's visit, behind one seam as in
// lib/platform.ts. WeChat has all four natively. On H5 there is no scanner: the page shows a field
// for the code instead (scanOnH5 says so), the position comes from the browser's geolocation, the
// photo from a file input (Taro.chooseImage) and the map is a geo: link the phone's map app opens.
import Taro from '@tarojs/taro';
import { ApiError, serverUrl } from '../../api/client';
import { getState } from '../../lib/store';
import { isWeapp } from '../../lib/platform';

/** H5 cannot scan: the page asks for the code printed under the QR code (or a test types it). */
export const scanOnH5 = () => !isWeapp();

/** The home QR code's content, from WeChat's scanner. */
export async function scanHomeCode(): Promise<string> {
  if (!isWeapp()) throw new ApiError('请在下方输入二维码下方印的编码。', 'BAD_USER_INPUT');
  try {
    const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return r.result;
  } catch {
    throw new ApiError('没有扫到二维码，请对准老人家中张贴的二维码重试。', 'BAD_USER_INPUT');
  }
}

export interface Position {
  latitude: number;
  longitude: number;
}

/** The phone's position for a check-in or check-out; refused or unavailable is an error the caregiver can act on. */
export async function currentPosition(timeoutMs = 10_000): Promise<Position> {
  const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const found = Taro.getLocation({ type: 'wgs84', isHighAccuracy: true })
    .then((r) => ({ latitude: r.latitude, longitude: r.longitude }))
    .catch(() => null);
  const pos = await Promise.race([found, late]);
  if (!pos) throw new ApiError('没有取得定位，请打开手机定位并允许小程序使用位置后重试。', 'LOCATION');
  return pos;
}

/** A photo taken on site: the file's local path (WeChat) or blob URL (H5). */
export async function takePhoto(): Promise<string> {
  try {
    const r = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] });
    const p = r.tempFilePaths[0];
    if (!p) throw new Error('none');
    return p;
  } catch {
    throw new ApiError('没有拍到照片，请重新拍一张现场照片。', 'BAD_USER_INPUT');
  }
}

async function bytesOf(localPath: string): Promise<ArrayBuffer> {
  if (isWeapp()) {
    const fs = Taro.getFileSystemManager();
    return new Promise((resolve, reject) =>
      fs.readFile({ filePath: localPath, success: (r) => resolve(r.data as ArrayBuffer), fail: reject }),
    );
  }
  return (await fetch(localPath)).arrayBuffer();
}

const mimeOf = (bytes: ArrayBuffer) => {
  const b = new Uint8Array(bytes.slice(0, 4));
  return b[0] === 0x89 && b[1] === 0x50 ? 'image/png' : 'image/jpeg';
};

async function post(data: ArrayBuffer, token: string): Promise<{ statusCode: number; data: unknown }> {
  const header = { 'content-type': mimeOf(data), authorization: `Bearer ${token}` };
  if (!isWeapp()) {
    const r = await fetch(serverUrl('/files'), { method: 'POST', headers: header, body: data });
    return { statusCode: r.status, data: await r.text() };
  }
  // dataType other than json: WeChat hands back the body as it came.
  return Taro.request({ url: serverUrl('/files'), method: 'POST', header, data, dataType: 'text', timeout: 30_000 });
}

/** Uploads a photo or signature image (POST /files, raw body) and returns the stored file's id. */
export async function uploadImage(localPath: string): Promise<string> {
  const data = await bytesOf(localPath);
  let res: { statusCode: number; data: unknown };
  try {
    res = await post(data, getState().token ?? '');
  } catch {
    throw new ApiError('网络连接失败，照片没有传上去，请稍后重试。', 'NETWORK');
  }
  const body = (typeof res.data === 'string' ? JSON.parse(res.data || '{}') : res.data) as {
    id?: string;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (res.statusCode === 201 && body.id) return body.id;
  const first = body.errors?.[0];
  throw new ApiError(first?.message ?? '照片上传失败，请重试。', first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
}

/** Opens the elder's address in the phone's map (WeChat's own map; a geo: link in the browser). */
export async function openMap(e: {
  latitude?: number | null;
  longitude?: number | null;
  name: string;
  address: string;
}) {
  if (e.latitude == null || e.longitude == null) throw new ApiError('这位老人的住址还没有登记定位。', 'INVALID_STATE');
  if (isWeapp()) {
    await Taro.openLocation({
      latitude: e.latitude,
      longitude: e.longitude,
      name: e.name,
      address: e.address,
      scale: 17,
    });
    return;
  }
  window.location.href = mapLink(e as Position & { address: string });
}

/** A geo: URI (RFC 5870) with the address as the label, which phones' map apps open. */
export const mapLink = (e: Position & { address: string }) =>
  `geo:${e.latitude},${e.longitude}?q=${e.latitude},${e.longitude}(${encodeURIComponent(e.address)})`;

/** Whether the phone has a network now (the offline queue waits for one). */
export async function online(): Promise<boolean> {
  try {
    const r = await Taro.getNetworkType();
    return r.networkType !== 'none';
  } catch {
    return true;
  }
}
