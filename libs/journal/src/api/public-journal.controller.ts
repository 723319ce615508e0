import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@imdi/auth';
import type { FastifyReply } from 'fastify';
import { PublicJournal, type PublicJournalLine } from '../application/public-journal.query';
import { ExportDayParam, PublicJournalQuery } from './journal.dto';
import { PublicJournalLineResponse } from './public-journal.response';

/** The public journal (offentleglova): no login; public titles only, persons and screened fields masked. */
@ApiTags('public journal')
@Controller('public-journal')
export class PublicJournalController {
  constructor(private readonly journal: PublicJournal) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: PublicJournalLineResponse, isArray: true })
  lines(@Query() query: PublicJournalQuery): Promise<PublicJournalLine[]> {
    return this.journal.lines(query.from, query.to);
  }

  /** One day's export for eInnsyn, as CSV (`/public-journal/export/2017-05-02/csv`) or JSON. */
  @Public()
  @Get('export/:day/csv')
  async csv(@Param() params: ExportDayParam, @Res() reply: FastifyReply): Promise<void> {
    const lines = await this.journal.lines(params.day, params.day);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="offentlig-journal-${params.day}.csv"`)
      .send(PublicJournal.csv(lines));
  }

  @Public()
  @Get('export/:day/json')
  json(@Param() params: ExportDayParam): Promise<PublicJournalLine[]> {
    return this.journal.lines(params.day, params.day);
  }
}
