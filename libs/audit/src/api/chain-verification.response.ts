import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { ChainVerification } from '../application/audit-chain.verifier';

type Intact = Extract<ChainVerification, { intact: true }>;
type Broken = Extract<ChainVerification, { intact: false }>;

/** The audit chain is whole: every entry's hash and seal checks out. */
export class IntactChainResponse implements Intact {
  @ApiProperty({ type: Boolean, enum: [true], description: 'Kjeden er hel.' })
  intact: true;

  @ApiProperty({ description: 'Antall oppføringer som ble kontrollert.' })
  entries: number;

  @ApiProperty({ description: 'Den høyeste oppføringen som er forseglet.' })
  sealedThrough: number;
}

/** The audit chain is broken: the lowest entry a check found wrong, and why. */
export class BrokenChainResponse implements Broken {
  @ApiProperty({ type: Boolean, enum: [false], description: 'Kjeden er brutt.' })
  intact: false;

  @ApiProperty({ description: 'Antall oppføringer som ble kontrollert.' })
  entries: number;

  @ApiProperty({ description: 'Den høyeste oppføringen som er forseglet.' })
  sealedThrough: number;

  @ApiProperty({ description: 'Den laveste oppføringen som ikke stemmer.' })
  firstBrokenId: number;

  @ApiProperty({ description: 'Hva som er galt med den.' })
  reason: string;
}

/** GET /admin/audit/verify: one of the two shapes, told apart by `intact`. */
export const ApiChainVerificationResponse = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiExtraModels(IntactChainResponse, BrokenChainResponse),
    ApiOkResponse({
      description: 'Om revisjonssporets kjede er hel, og ellers hvor den er brutt.',
      schema: { oneOf: [{ $ref: getSchemaPath(IntactChainResponse) }, { $ref: getSchemaPath(BrokenChainResponse) }] },
    }),
  );
