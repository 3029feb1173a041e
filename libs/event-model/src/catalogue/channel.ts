export const channels = ['email', 'web', 'phone', 'store', 'social', 'letter', 'chat', 'sms'] as const;
export type Channel = (typeof channels)[number];

export const directions = ['inbound', 'outbound'] as const;
export type Direction = (typeof directions)[number];
