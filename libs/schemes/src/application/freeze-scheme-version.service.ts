import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SchemeVersionRepository } from '../infrastructure/scheme-version.repository';

/** Called in the transaction of the first decision that relies on a version's terms. */
@Injectable()
export class FreezeSchemeVersion {
  constructor(private readonly repository: SchemeVersionRepository) {}

  async execute(manager: EntityManager, versionId: string, reason: string): Promise<void> {
    await this.repository.freeze(manager, versionId, reason);
  }
}
