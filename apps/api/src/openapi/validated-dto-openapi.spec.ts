import { Body, Controller, Module, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { describeValidatedDtos, routeParameterClasses } from './validated-dto-openapi';

class LineDto {
  @Matches(/^\d{2}$/)
  post: string;

  @ValidateIf((line: LineDto) => line.amount !== null)
  @JSONSchema({ nullable: true })
  @IsInt()
  amount: number | null;
}

class OrderDto {
  @IsIn(['nb', 'nn'])
  language: 'nb' | 'nn';

  @IsOptional()
  @IsString()
  note?: string;

  @ValidateNested({ each: true })
  @Type(() => LineDto)
  @ArrayMinSize(1)
  lines: LineDto[];
}

class OrderParams {
  @IsUUID()
  id: string;

  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

class OrderQuery {
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

@Controller('orders')
class OrdersController {
  @Post(':year/:id')
  place(@Param() _params: OrderParams, @Query() _query: OrderQuery, @Body() _body: OrderDto): void {}
}

@Module({ controllers: [OrdersController] })
class OrdersModule {}

describe(describeValidatedDtos.name, () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(OrdersModule, new FastifyAdapter(), { logger: false });
  });
  afterAll(() => app.close());

  const documentOf = () => {
    describeValidatedDtos(routeParameterClasses(app));
    return SwaggerModule.createDocument(app, new DocumentBuilder().build());
  };

  it('describes bodies, nested DTOs, enums and what is required from the class-validator rules', () => {
    const { schemas } = documentOf().components!;
    expect(schemas!.OrderDto).toEqual({
      type: 'object',
      properties: {
        language: { type: 'string', enum: ['nb', 'nn'] },
        note: { type: 'string' },
        lines: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/LineDto' } },
      },
      required: ['language', 'lines'],
    });
    expect(schemas!.LineDto).toEqual({
      type: 'object',
      properties: { post: { type: 'string', pattern: '^\\d{2}$' }, amount: { type: 'integer', nullable: true } },
      required: ['post', 'amount'],
    });
  });

  it('describes path and query parameters from their DTOs, and is the same when built twice', () => {
    const first = documentOf();
    const operation = documentOf().paths['/orders/{year}/{id}'].post!;
    expect(operation.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'path', name: 'id', required: true, schema: { type: 'string', format: 'uuid' } }),
        expect.objectContaining({ in: 'path', name: 'year', required: true, schema: { type: 'integer', minimum: 2000, maximum: 2100 } }),
        expect.objectContaining({ in: 'query', name: 'dryRun', required: false, schema: { type: 'string', enum: ['true', 'false'] } }),
      ]),
    );
    expect(operation.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderDto' } } } });
    expect(documentOf()).toEqual(first);
  });
});
