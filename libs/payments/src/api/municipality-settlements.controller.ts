import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { MunicipalitySettlements, type MunicipalitySettlementView } from '../application/municipality-settlements.query';
import { MunicipalitySettlementResponse } from './municipality-settlement.response';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('per-capita-settlements')
export class MunicipalitySettlementsController {
  constructor(private readonly settlements: MunicipalitySettlements) {}

  /** The per-capita settlements of the municipalities the caller acts for; staff use /payments/per-capita. */
  @Roles('applicant')
  @Get()
  @ApiOkResponse({ type: MunicipalitySettlementResponse, isArray: true })
  mine(@CurrentPrincipal() principal: Principal): Promise<MunicipalitySettlementView[]> {
    return this.settlements.ofCaller(principal);
  }
}
