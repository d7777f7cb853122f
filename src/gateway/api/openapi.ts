/** The OpenAPI 3.1 document, generated from the controllers' decorators, served at /docs. */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export const DOCS_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Music recommendation gateway')
    .setDescription(
      'HTTP front of the Kafka stream processor: recommendations by Kafka request/reply, ' +
        'listening and feedback events onto the user-events topic. JSON fields are camelCase.',
    )
    .setVersion('1')
    .build();
  return SwaggerModule.createDocument(app, info);
}

/** Swagger UI (assets from swagger-ui-dist, no CDN) at /docs, the JSON at /docs/openapi.json. */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH, raw: ['json'] });
  return document;
}
