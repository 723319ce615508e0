import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@imdi/auth';
import { KeepJournal, type EntryView } from '../application/keep-journal.service';
import type { CaseFileRow, Classification, DeliveryRow } from '../infrastructure/journal.repository';
import { CaseIdParam, ClassificationDto, ClassificationParams, EntryIdParam, JournalQuery, PublicAccessDto } from './journal.dto';

/** The journal as the archivist keeps it; the caseworker reads it and settles public access too. */
@ApiTags('journal')
@ApiBearerAuth()
@Controller('journal')
export class JournalController {
  constructor(private readonly journal: KeepJournal) {}

  @Roles('archivist', 'caseworker')
  @Get('entries')
  entries(@Query() query: JournalQuery): Promise<EntryView[]> {
    return this.journal.entries(query);
  }

  @Roles('archivist', 'caseworker')
  @Get('entries/:id')
  entry(@Param() params: EntryIdParam): Promise<EntryView> {
    return this.journal.entry(params.id);
  }

  @Roles('archivist', 'caseworker')
  @Get('cases/:caseId')
  caseFile(@Param() params: CaseIdParam): Promise<CaseFileRow & { entries: EntryView[] }> {
    return this.journal.caseFile(params.caseId);
  }

  /** Changes the proposed public title and screening, and (finalize) makes the entry final. */
  @Roles('archivist', 'caseworker')
  @Patch('entries/:id/public-access')
  changePublicAccess(@Param() params: EntryIdParam, @Body() body: PublicAccessDto, @CurrentPrincipal() principal: Principal): Promise<EntryView> {
    return this.journal.changePublicAccess(
      params.id,
      { publicTitle: body.publicTitle, screening: body.screening, finalize: body.finalize ?? false },
      principal,
    );
  }

  @Roles('archivist')
  @Post('entries/:id/resend')
  resend(@Param() params: EntryIdParam, @CurrentPrincipal() principal: Principal): Promise<EntryView> {
    return this.journal.resend(params.id, principal);
  }

  /** Deliveries the archive has not confirmed (retrying or given up). */
  @Roles('archivist')
  @Get('deliveries')
  deliveries(): Promise<DeliveryRow[]> {
    return this.journal.unconfirmedDeliveries();
  }

  @Roles('archivist')
  @Get('classifications')
  classifications(): Promise<Array<Classification & { schemeCode: string; budgetYear: number }>> {
    return this.journal.classifications();
  }

  @Roles('archivist')
  @Put('classifications/:schemeCode/:budgetYear')
  async classify(
    @Param() params: ClassificationParams,
    @Body() body: ClassificationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ schemeCode: string; budgetYear: number } & Classification> {
    await this.journal.classify(params.schemeCode, params.budgetYear, body, principal);
    return { schemeCode: params.schemeCode, budgetYear: params.budgetYear, ...body };
  }
}
