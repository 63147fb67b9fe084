// The demo caregivers' 工号 and photos (issue 25), so the family's order shows who is coming. The
// photos are small generated PNG portraits (a head and shoulders on a coloured ground), uploaded
// through the files area as the provider's administrator would upload a real one.
import { crc32, deflateSync } from 'node:zlib';
import type { AppServices } from '../app/context.js';
import { uploadPhoto } from '../files/index.js';

const SIZE = 96;
/** Grounds for the portraits; a caregiver's index picks one, so neighbours look different. */
const GROUNDS: [number, number, number][] = [
  [0x2f, 0x6f, 0xb0],
  [0x3a, 0x8a, 0x5c],
  [0xa8, 0x5a, 0x2a],
  [0x7a, 0x4a, 0x9a],
];

function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 96×96 RGB PNG: a light head and shoulders on the given ground. */
export function portraitPng([r, g, b]: [number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 3); // filter byte 0, then RGB
    for (let x = 0; x < SIZE; x++) {
      const head = (x - 48) ** 2 + (y - 38) ** 2 < 18 ** 2;
      const shoulders = y > 64 && (x - 48) ** 2 / 36 ** 2 + (y - 100) ** 2 / 34 ** 2 < 1;
      const light = head || shoulders;
      row.set(light ? [0xf4, 0xe4, 0xd4] : [r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Gives every caregiver without a 工号 one (the provider's code and a number) and a portrait. */
export async function seedCaregiverProfiles(app: AppServices) {
  const prisma = app.db.prisma;
  const admins = await prisma.user.findMany({ where: { role: 'PROVIDER_ADMIN' }, orderBy: { username: 'asc' } });
  if (!admins.length) return;
  const providers = await prisma.provider.findMany({
    include: { caregivers: { where: { staffNo: null }, orderBy: { id: 'asc' } } },
  });
  const photos = new Map<number, string>();
  for (const provider of providers) {
    // The provider's own administrator uploads, as in real use; a provider without one in the demo
    // borrows the first, which only decides who else may read the file (its uploader).
    const admin = admins.find((a) => a.providerId === provider.id) ?? admins[0]!;
    const actor = { userId: admin.id, role: admin.role, displayName: admin.displayName, providerId: provider.id };
    const prefix = provider.code.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
    for (const [i, c] of provider.caregivers.entries()) {
      const ground = i % GROUNDS.length;
      const file = photos.get(ground)
        ? { id: photos.get(ground)! }
        : await uploadPhoto(prisma, app.files, actor, 'image/png', portraitPng(GROUNDS[ground]!));
      photos.set(ground, file.id);
      await prisma.caregiver.update({
        where: { id: c.id },
        data: { staffNo: `${prefix}-${String(i + 1).padStart(3, '0')}`, photoFileId: file.id },
      });
    }
  }
}
