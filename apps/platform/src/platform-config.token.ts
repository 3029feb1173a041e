/** The validated `PlatformConfig`, for providers that need a setting (e.g. the service name in event metadata). */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
