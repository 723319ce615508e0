import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Type } from 'class-transformer';
import { IsEmailAddress, Omittable } from '@imdi/platform';
import { APPLICANT_TYPES, type ApplicantType } from '@imdi/schemes';

export class RegisterOrganisationDto {
  /** Validated as a MOD11 organisation number by the domain. */
  @IsString()
  @Length(9, 11)
  organisationNumber: string;

  @IsString()
  @Length(2, 200)
  name: string;

  @IsIn(APPLICANT_TYPES)
  kind: ApplicantType;

  @Omittable()
  @IsString()
  @Length(4, 4)
  municipalityNumber?: string;

  /** Validated as a MOD11 bank account number by the domain. */
  @IsString()
  @Length(11, 13)
  accountNumber: string;

  @IsIn(['nb', 'nn'])
  writtenStandard: 'nb' | 'nn';

  @IsString()
  @Length(2, 200)
  contactName: string;

  @IsEmailAddress()
  contactEmail: string;

  @IsOptional()
  @Matches(/^\+?[0-9 ]{8,20}$/, { message: '$property må være et telefonnummer med 8 sifre, f.eks. "22 24 00 00"' })
  contactPhone?: string;

  /** Where letters go: given together, or not at all. */
  @ValidateIf(hasPostalAddress)
  @IsString()
  @Length(2, 200)
  postalAddress?: string;

  @ValidateIf(hasPostalAddress)
  @Matches(/^\d{4}$/, { message: '$property må være et postnummer med fire sifre' })
  postalCode?: string;

  @ValidateIf(hasPostalAddress)
  @IsString()
  @Length(2, 100)
  postalPlace?: string;
}

function hasPostalAddress(registration: RegisterOrganisationDto): boolean {
  return registration.postalAddress !== undefined || registration.postalCode !== undefined || registration.postalPlace !== undefined;
}

/** Another contact person for the organisation: the one IMDi's mails and letters name. */
export class ChangeContactDto {
  @IsString()
  @Length(2, 200)
  contactName: string;

  @IsEmailAddress()
  contactEmail: string;

  /** Left out or empty: no telephone number. */
  @Omittable()
  @Matches(/^(\+?[0-9 ]{8,20})?$/, { message: '$property må være et telefonnummer med 8 sifre, f.eks. "22 24 00 00"' })
  contactPhone?: string;
}

export class ChangeAccountDto {
  /** Validated as a MOD11 bank account number by the domain. */
  @IsString()
  @Length(11, 13)
  accountNumber: string;
}

export class OrganisationNumberParam {
  @Matches(/^\d{9}$/, { message: '$property must be a 9-digit organisation number' })
  organisationNumber: string;
}

export class CreateDraftDto {
  @Matches(/^\d{9}$/, { message: '$property must be the 9-digit organisation number you apply for' })
  organisationNumber: string;

  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be a scheme code such as jobbsjansen-a' })
  schemeCode: string;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  budgetYear?: number;

  @Omittable()
  @IsObject()
  form?: Record<string, unknown>;
}

export class SaveDraftDto {
  @IsObject()
  form: Record<string, unknown>;
}

export class ApplicationIdParam {
  @IsUUID()
  id: string;
}

export class AttachmentParams extends ApplicationIdParam {
  @IsUUID()
  attachmentId: string;
}

export class UploadQuery {
  @IsString()
  @Length(1, 200)
  // eslint-disable-next-line no-control-regex -- a file name may hold no NUL: the pattern must name it
  @Matches(/^[^/\\\u0000]+$/, { message: '$property must be a plain file name' })
  fileName: string;
}

export class WithdrawDto {
  @Omittable()
  @IsString()
  @Length(0, 2000)
  reason?: string;
}

export class RejectFormallyDto {
  @IsString()
  @Length(10, 5000)
  reason: string;

  @IsString()
  @Length(3, 500)
  legalBasis: string;
}
