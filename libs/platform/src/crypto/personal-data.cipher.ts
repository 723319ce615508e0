import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

const VERSION = 'v1';

/**
 * Personal data (national identity numbers) is encrypted at rest in its column with AES-256-GCM,
 * and looked up through a keyed hash (blind index) so equality never needs the clear text.
 */
@Injectable()
export class PersonalDataCipher {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(config: AppConfig) {
    const master = config.PERSONAL_DATA_KEY ? Buffer.from(config.PERSONAL_DATA_KEY, 'base64') : localKey(config.AUTH_LOCAL_KEY_DIR);
    this.encryptionKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'imdi personal data encryption', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'imdi personal data blind index', 32));
  }

  encrypt(clearText: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const sealed = Buffer.concat([cipher.update(clearText, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(':');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, sealed] = stored.split(':');
    if (version !== VERSION) throw new Error(`unknown personal data format ${version}`);
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
  }

  blindIndex(clearText: string): string {
    return createHmac('sha256', this.indexKey).update(clearText).digest('hex');
  }
}

/** Development and tests: a key file beside the local token key, created on first use. */
export function localKey(directory: string, fileName = 'personal-data.key'): Buffer {
  const path = join(directory, fileName);
  if (!existsSync(path)) {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first (the api and the worker start together): use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
}

/** The key that seals the audit chain: AUDIT_CHAIN_KEY, or in development and tests a local key file. */
export function auditChainKey(config: Pick<AppConfig, 'AUDIT_CHAIN_KEY' | 'AUTH_LOCAL_KEY_DIR'>): Buffer {
  return config.AUDIT_CHAIN_KEY ? Buffer.from(config.AUDIT_CHAIN_KEY, 'base64') : localKey(config.AUTH_LOCAL_KEY_DIR, 'audit-chain.key');
}
