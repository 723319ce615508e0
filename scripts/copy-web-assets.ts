import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
// The ISO 20022 schemas the bank's files are validated against go beside their validator.
cpSync(join(ROOT, 'libs', 'payments', 'src', 'infrastructure', 'iso20022'), join(ROOT, 'dist', 'libs', 'payments', 'src', 'infrastructure', 'iso20022'), {
  recursive: true,
});
// The Noark 5 arkivmelding schemas the archive messages are validated against go beside their validator.
cpSync(join(ROOT, 'libs', 'noark', 'src', 'infrastructure', 'xsd'), join(ROOT, 'dist', 'libs', 'noark', 'src', 'infrastructure', 'xsd'), { recursive: true });
