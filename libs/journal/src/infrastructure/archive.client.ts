import { Injectable } from '@nestjs/common';
import type { ArchiveFile } from '../application/compose-arkivmelding';

export interface ArchiveReceipt {
  readonly receiptId: string;
  readonly receivedAt?: string;
  readonly [key: string]: unknown;
}

const TIMEOUT_MS = 30_000;

/**
 * Posts an arkivmelding with its files to the archive as multipart/form-data (`arkivmelding` first,
 * then each file under its referanseDokumentfil). The delivery id travels as Idempotency-Key, so a
 * retry after a lost answer is recognised by the archive and answered with the same receipt.
 */
@Injectable()
export class ArchiveClient {
  async send(url: string, deliveryId: string, xml: string, files: readonly ArchiveFile[]): Promise<ArchiveReceipt> {
    const form = new FormData();
    form.append('arkivmelding', new Blob([xml], { type: 'application/xml' }), 'arkivmelding.xml');
    for (const file of files) form.append('dokument', new Blob([new Uint8Array(file.content)], { type: file.mediaType }), file.name);
    const response = await fetch(url, { method: 'POST', body: form, headers: { 'idempotency-key': deliveryId }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await response.text();
    if (!response.ok) throw new Error(`Arkivet svarte ${response.status}: ${text.slice(0, 300)}`);
    let receipt: unknown;
    try {
      receipt = JSON.parse(text);
    } catch {
      throw new Error(`Arkivet svarte uten lesbar kvittering: ${text.slice(0, 300)}`);
    }
    if (typeof receipt !== 'object' || receipt === null || typeof (receipt as { receiptId?: unknown }).receiptId !== 'string') {
      throw new Error('Arkivet svarte uten kvitterings-id.');
    }
    return receipt as ArchiveReceipt;
  }
}
