import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { DirectoryUserView } from './staff-access.view';

/** A person in the staff provider's directory, with the roles the sign-in would give. */
export class DirectoryUserResponse implements DirectoryUserView {
  @ApiProperty({ description: 'Personens id hos innloggingstjenesten.' })
  id: string;

  @ApiProperty({ description: 'Navnet.' })
  name: string;

  @ApiProperty({ description: 'Brukernavnet.' })
  userName: string;

  @ApiProperty({ type: String, isArray: true, description: 'Gruppene personen er med i.' })
  groups: string[];

  @ApiProperty({
    type: String,
    isArray: true,
    description: 'Rollene innloggingen ville gi; ingen når ingen gruppe står i AUTH_STAFF_ROLE_MAP (da kan personen ikke logge inn).',
  })
  roles: string[];
}

/** One line of AUTH_STAFF_ROLE_MAP: which group gives which role. */
export class RoleMappingResponse {
  @ApiProperty({ description: 'Gruppen (navn eller id).' })
  group: string;

  @ApiProperty({ description: 'Rollen gruppen gir.' })
  role: string;
}

/** The directory was read: its users. */
export class ListedDirectoryResponse {
  @ApiProperty({ enum: ['listed'], description: 'Katalogen ble lest.' })
  state: 'listed';

  @ApiProperty({ type: DirectoryUserResponse, isArray: true })
  users: DirectoryUserResponse[];
}

/** The directory is not set up (AUTH_STAFF_DIRECTORY_URL), or did not answer. */
export class UnlistedDirectoryResponse {
  @ApiProperty({ enum: ['not-configured', 'unavailable'], description: 'not-configured: ingen katalog er satt opp; unavailable: katalogen svarte ikke.' })
  state: 'not-configured' | 'unavailable';
}

/** GET /admin/access: how the sign-in maps the staff provider's groups to roles, and who gets which. */
@ApiExtraModels(ListedDirectoryResponse, UnlistedDirectoryResponse)
export class StaffAccessResponse {
  @ApiProperty({ description: 'Kravet i ID-tokenet som navngir personens grupper (AUTH_STAFF_GROUP_CLAIM).' })
  groupClaim: string;

  @ApiProperty({ type: RoleMappingResponse, isArray: true, description: 'AUTH_STAFF_ROLE_MAP: hvilken gruppe som gir hvilken rolle.' })
  roleMap: RoleMappingResponse[];

  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(ListedDirectoryResponse) }, { $ref: getSchemaPath(UnlistedDirectoryResponse) }],
    description: 'Brukerne i innloggingstjenestens katalog, når den er satt opp og svarer.',
  })
  directory: ListedDirectoryResponse | UnlistedDirectoryResponse;
}
