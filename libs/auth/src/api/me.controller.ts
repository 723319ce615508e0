import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../domain/principal';
import { ROLES } from '../domain/role';
import { CurrentPrincipal, Roles } from './access.decorators';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  /** Who the token says the caller is: the front end shows the name, roles and organisations. */
  @Roles(...ROLES)
  @Get()
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
