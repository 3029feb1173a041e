import { customer360Projection } from './customer-360-projection';
import { customerEvents, projectionSpecification, sealed } from './testing';

const day = (n: number) => new Date(Date.UTC(2011, 0, 1) + n * 86_400_000).toISOString();
const { given } = projectionSpecification(customer360Projection());
const opened = (complaintId: string, extra: object = {}) => ({ complaintId, channel: 'phone', category: 'delivery', severity: 'medium', ...extra });

describe('complaints', () => {
  it('opens, escalates and resolves complaints, without any description or note', () => {
    const event = customerEvents();
    const doc = given([
      event('ComplaintOpened', opened('cmp-77', { orderId: '536365', description: sealed('The parcel arrived a week late') }), day(1)),
      event('ComplaintOpened', opened('cmp-78', { category: 'billing', productId: '85123A' }), day(2)),
      event('ComplaintEscalated', { complaintId: 'cmp-78', severity: 'high', escalatedTo: 'customer-care-lead', note: sealed('angry') }, day(3)),
      event('ComplaintResolved', { complaintId: 'cmp-77', resolution: 'compensated', note: sealed('Voucher of 10 GBP sent') }, day(4)),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ complaintCount: 2, openComplaintCount: 1 });
    expect(doc.openComplaints).toEqual([
      { complaintId: 'cmp-78', category: 'billing', severity: 'high', productId: '85123A', orderId: null, openedAt: day(2), escalatedAt: day(3) },
    ]);
    expect(doc.latestComplaint).toEqual({
      complaintId: 'cmp-78',
      channel: 'phone',
      category: 'billing',
      severity: 'high',
      productId: '85123A',
      orderId: null,
      openedAt: day(2),
      escalatedAt: day(3),
      status: 'open',
      resolution: null,
      resolvedAt: null,
    });
    expect(doc.recentlyResolvedComplaints).toEqual([{ complaintId: 'cmp-77', category: 'delivery', resolution: 'compensated', resolvedAt: day(4) }]);
    for (const words of ['The parcel arrived a week late', 'angry', 'Voucher of 10 GBP sent']) expect(JSON.stringify(doc)).not.toContain(sealed(words));
  });

  it('takes the latest complaint by business time and follows its resolution', () => {
    const event = customerEvents();
    const doc = given([
      event('ComplaintOpened', opened('cmp-2'), day(5)),
      event('ComplaintOpened', opened('cmp-1'), day(1)),
      event('ComplaintResolved', { complaintId: 'cmp-2', resolution: 'explained' }, day(6)),
    ]).thenDocument('17850');
    expect(doc.latestComplaint).toMatchObject({ complaintId: 'cmp-2', status: 'resolved', resolution: 'explained', resolvedAt: day(6) });
    expect(doc).toMatchObject({ complaintCount: 2, openComplaintCount: 1 });
  });

  it('folds a resolution that arrives before its opening: counted, resolved, never open', () => {
    const event = customerEvents();
    const doc = given([
      event('ComplaintResolved', { complaintId: 'cmp-9', resolution: 'refunded' }, day(3)),
      event('ComplaintOpened', opened('cmp-9'), day(1)),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ complaintCount: 1, openComplaintCount: 0, openComplaints: [] });
    expect(doc.latestComplaint).toMatchObject({ complaintId: 'cmp-9', status: 'resolved', resolution: 'refunded' });
    expect(doc.recentlyResolvedComplaints).toEqual([{ complaintId: 'cmp-9', category: 'delivery', resolution: 'refunded', resolvedAt: day(3) }]);
  });

  it('keeps the severity of the latest escalation by business time', () => {
    const event = customerEvents();
    const doc = given([
      event('ComplaintOpened', opened('cmp-1'), day(1)),
      event('ComplaintEscalated', { complaintId: 'cmp-1', severity: 'critical' }, day(5)),
      event('ComplaintEscalated', { complaintId: 'cmp-1', severity: 'high' }, day(3)),
    ]).thenDocument('17850');
    expect(doc.openComplaints[0]).toMatchObject({ severity: 'critical', escalatedAt: day(5) });
  });

  it('counts a re-delivered opening or resolution once, even after a later complaint', () => {
    const event = customerEvents();
    const doc = given([
      event('ComplaintOpened', opened('cmp-1'), day(1)),
      event('ComplaintOpened', opened('cmp-1'), day(1)),
      event('ComplaintResolved', { complaintId: 'cmp-1', resolution: 'explained' }, day(2)),
      event('ComplaintResolved', { complaintId: 'cmp-1', resolution: 'other' }, day(3)),
      event('ComplaintOpened', opened('cmp-2'), day(4)),
      event('ComplaintOpened', opened('cmp-1'), day(1)),
    ]).thenDocument('17850');
    expect(doc).toMatchObject({ complaintCount: 2, openComplaintCount: 1 });
    expect(doc.latestComplaint?.complaintId).toBe('cmp-2');
    expect(doc.recentlyResolvedComplaints).toEqual([{ complaintId: 'cmp-1', category: 'delivery', resolution: 'explained', resolvedAt: day(2) }]);
  });
});
