import { Omittable } from '@imdi/platform';
import { IsString, IsUUID, Matches } from 'class-validator';

export class MessageIdParam {
  @IsUUID('all', { message: '$property må være en meldings-id (uuid)' })
  id: string;
}

export class CaseIdParam {
  @IsUUID('all', { message: '$property må være en saks-id (uuid)' })
  id: string;
}

export class ResendMessageDto {
  /** A corrected address (e-mail), or organisation number (digital post); leave out to send to the same one again. */
  @Omittable()
  @IsString({ message: '$property må være tekst' })
  @Matches(/^(\d{9}|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/, {
    message: '$property må være en gyldig e-postadresse (for eksempel post@kommune.no) eller, for digital post, et organisasjonsnummer med 9 siffer',
  })
  recipient?: string;
}
