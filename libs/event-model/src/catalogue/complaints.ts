export const complaintCategories = ['product-quality', 'delivery', 'billing', 'service', 'privacy', 'other'] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];

export const complaintSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type ComplaintSeverity = (typeof complaintSeverities)[number];

export const complaintResolutions = ['refunded', 'replaced', 'repaired', 'explained', 'compensated', 'rejected', 'other'] as const;
export type ComplaintResolution = (typeof complaintResolutions)[number];
