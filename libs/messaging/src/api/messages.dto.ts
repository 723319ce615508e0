import { IsEmail, IsOptional, IsUUID } from 'class-validator';

export class MessageIdParam {
  @IsUUID('all', { message: '$property må være en meldings-id (uuid)' })
  id: string;
}

export class CaseIdParam {
  @IsUUID('all', { message: '$property må være en saks-id (uuid)' })
  id: string;
}

export class ResendMessageDto {
  /** A corrected address; leave out to send to the same one again. */
  @IsOptional()
  @IsEmail({}, { message: '$property må være en gyldig e-postadresse, for eksempel post@kommune.no' })
  recipient?: string;
}
