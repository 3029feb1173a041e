import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const docsPath = 'docs';

/** The API description at /docs (browsable) and /docs-json (for client generators). */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Customer Data Platform')
    .setDescription(
      'Event-sourced customer data: every change is an event in the customer’s stream. ' +
        'Errors are application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .build();
  SwaggerModule.setup(docsPath, app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: `${docsPath}-json` });
}
