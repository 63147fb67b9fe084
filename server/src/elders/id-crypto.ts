import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * ID numbers at rest (docs/ARCHITECTURE.md, "Invariants"): AES-256-GCM ciphertext with a random
 * IV, and a keyed HMAC so the unique index and look-ups never need the clear text.
 */
export class IdNumberVault {
  private readonly encKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(encKeyB64: string, hashKeyB64: string) {
    this.encKey = Buffer.from(encKeyB64, 'base64');
    this.hashKey = Buffer.from(hashKeyB64, 'base64');
    if (this.encKey.length !== 32) throw new Error('ID_ENCRYPTION_KEY must be 32 bytes (base64)');
    if (this.hashKey.length < 32) throw new Error('ID_HASH_KEY must be at least 32 bytes (base64)');
  }

  /** "v1.<iv>.<tag>.<ciphertext>", all base64url. */
  encrypt(idNumber: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(
      '.',
    );
  }

  decrypt(stored: string): string {
    const [version, iv, tag, ct] = stored.split('.');
    if (version !== 'v1' || !iv || !tag || !ct) throw new Error('unknown ID ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  hash(idNumber: string): string {
    return createHmac('sha256', this.hashKey).update(idNumber).digest('hex');
  }
}
