import { ApiProperty } from '@nestjs/swagger';
import { APPLICANT_TYPES, type ApplicantType } from '@imdi/schemes';
import type { Organisation, PostalAddress } from '../infrastructure/organisation.repository';

/** Where letters go, as the OpenAPI document describes it. */
export class PostalAddressResponse implements PostalAddress {
  @ApiProperty({ example: 'Storgata 1' })
  addressLine: string;

  @ApiProperty({ example: '0155' })
  postalCode: string;

  @ApiProperty({ example: 'OSLO' })
  postalPlace: string;
}

/** A registered organisation as the api answers it (the web's types are generated from it). */
export class OrganisationResponse implements Omit<Organisation, 'id'> {
  @ApiProperty({ example: '974760673' })
  organisationNumber: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: APPLICANT_TYPES })
  kind: ApplicantType;

  @ApiProperty({ type: String, nullable: true, example: '3005' })
  municipalityNumber: string | null;

  @ApiProperty({ example: '15036212345' })
  accountNumber: string;

  @ApiProperty({ enum: ['nb', 'nn'], description: 'Målformen brevene skrives på.' })
  writtenStandard: 'nb' | 'nn';

  @ApiProperty()
  contactName: string;

  @ApiProperty()
  contactEmail: string;

  @ApiProperty({ type: String, nullable: true })
  contactPhone: string | null;

  @ApiProperty({ type: () => PostalAddressResponse, nullable: true, description: 'Null for organisasjoner registrert før adresse ble etterspurt.' })
  postalAddress: PostalAddressResponse | null;
}
