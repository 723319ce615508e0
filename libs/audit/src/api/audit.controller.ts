import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@imdi/auth';
import { DataSource } from 'typeorm';
import { type ChainVerification, verifyAuditChain } from '../application/audit-chain.verifier';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Roles('admin')
  @Get('verify')
  verify(): Promise<ChainVerification> {
    return verifyAuditChain(this.dataSource);
  }
}
