import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

/**
 * Documents fields a DTO inherits from an event-model class: their validation stays there,
 * in one place, and the swagger CLI plugin (which would infer them) is not used.
 */
export function documentInheritedProperties<T extends object>(
  dto: abstract new () => T,
  properties: { [K in keyof T]?: ApiPropertyOptions },
): void {
  for (const [name, options] of Object.entries(properties) as [string, ApiPropertyOptions][]) {
    ApiProperty(options)(dto.prototype, name);
  }
}
