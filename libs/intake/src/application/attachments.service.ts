import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { DataSource } from 'typeorm';
import { checkAttachment } from '../domain/attachment-policy';
import { ApplicationRepository, type AttachmentRecord } from '../infrastructure/application.repository';
import { Drafts } from './drafts.service';

@Injectable()
export class Attachments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly drafts: Drafts,
    private readonly audit: AuditTrail,
  ) {}

  /** Checked by content before anything is written; stored with its SHA-256. */
  async upload(applicationId: string, fileName: string, content: Uint8Array, principal: Principal): Promise<AttachmentRecord> {
    const accepted = checkAttachment(fileName, content);
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      await this.drafts.lockDraft(manager, applicationId, principal);
      const stored = await this.applications.addAttachment(manager, applicationId, {
        fileName,
        mediaType: accepted.mediaType,
        content,
        sha256,
        uploadedBy: principal.userId,
      });
      await this.audit.record(manager, {
        actor: principal,
        action: 'application.attachment-added',
        entityType: 'case',
        entityId: applicationId,
        after: { attachmentId: stored.id, fileName, mediaType: accepted.mediaType, sizeBytes: content.length, sha256 },
      });
      return stored;
    });
  }
}
