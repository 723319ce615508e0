import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AppConfig, staffRoleMap } from '@imdi/platform';
import { StaffDirectory } from '../application/staff-directory.port';
import { isRole } from '../domain/role';
import { rolesForGroups } from '../domain/web-session';
import { Roles } from './access.decorators';
import { StaffAccessResponse } from './access.response';
import type { StaffAccessView } from './staff-access.view';

/** Admin: how the sign-in maps the staff provider's groups to roles, and which roles each person in its directory gets. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('admin/access')
export class AccessController {
  constructor(
    private readonly config: AppConfig,
    private readonly directory: StaffDirectory,
  ) {}

  @Roles('admin')
  @Get()
  @ApiOkResponse({ type: StaffAccessResponse })
  async access(): Promise<StaffAccessView> {
    const map = staffRoleMap(this.config);
    const roleMap = [...map].map(([group, role]) => ({ group, role })).sort((a, b) => a.role.localeCompare(b.role));
    const listing = await this.directory.list();
    const directory: StaffAccessView['directory'] =
      listing.state === 'listed'
        ? {
            state: 'listed',
            users: listing.users.map((user) => ({
              id: user.id,
              name: user.name,
              userName: user.userName,
              groups: user.groups.map((group) => group.name),
              // The ID token's group claim carries names or ids depending on the provider's setting; the map may use either.
              roles: rolesForGroups(
                user.groups.flatMap((group) => [group.id, group.name]),
                map,
                isRole,
              ),
            })),
          }
        : { state: listing.state };
    return { groupClaim: this.config.AUTH_STAFF_GROUP_CLAIM, roleMap, directory };
  }
}
