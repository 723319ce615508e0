import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsUUID, Matches, Max, Min } from 'class-validator';
import { Omittable } from '@imdi/platform';
import { REPORT_KINDS, type ReportKind } from '../domain/report-kind';

export class RequestReportDto {
  @IsIn(REPORT_KINDS, { message: `$property must be one of ${REPORT_KINDS.join(', ')}` })
  kind: ReportKind;

  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  budgetYear: number;

  /** One kap./post; every post of the year when left out. */
  @Omittable()
  @Matches(/^[1-9]\d{2,3}\.\d{2}$/, { message: '$property must be kap.post, e.g. 496.62' })
  budgetPost?: string;

  /** Cut-off date (Oslo); today when left out. The packs fix it to 30 June and 31 December. */
  @Omittable()
  @IsISO8601({ strict: true }, { message: '$property must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  asOf?: string;
}

export class ReportIdParam {
  @IsUUID('all', { message: '$property must be a report id (uuid)' })
  id: string;
}

export class ReportListQuery {
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  budgetYear?: number;
}
