// QR codes as PNG data URLs, drawn on the server so the WeChat build, the H5 build and a printed page
// show the same image (an <image> with a data URL needs no canvas on either platform).
import QRCode from 'qrcode';

/** The QR code of `text` as `data:image/png;base64,…`; medium error correction survives a creased print. */
export const qrDataUrl = (text: string): Promise<string> =>
  QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, scale: 8 });
