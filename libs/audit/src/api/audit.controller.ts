import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@imdi/auth';
import { AppConfig, auditChainKey } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { type ChainVerification, verifyAuditChain } from '../application/audit-chain.verifier';
import { ApiChainVerificationResponse } from './chain-verification.response';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('admin/audit')
export class AuditController {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.key = auditChainKey(config);
  }

  @Roles('admin')
  @Get('verify')
  @ApiChainVerificationResponse()
  verify(): Promise<ChainVerification> {
    return verifyAuditChain(this.dataSource, this.key);
  }
}
