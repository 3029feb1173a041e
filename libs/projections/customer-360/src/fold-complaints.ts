import { customer360Caps } from './customer-360-caps';
import { isAtOrAfter, laterOf } from './business-time';
import { compareText, insertInOrder, replaceWhere } from './bounded-list';
import { Customer360Document, LatestComplaint, OpenComplaint, ResolvedComplaint } from './customer-360-document';
import { EventOf } from './customer-360-event';

const recentlyOpened = (a: OpenComplaint, b: OpenComplaint) =>
  compareText(b.openedAt, a.openedAt) || compareText(b.complaintId, a.complaintId);
const recentlyResolved = (a: ResolvedComplaint, b: ResolvedComplaint) =>
  compareText(b.resolvedAt, a.resolvedAt) || compareText(b.complaintId, a.complaintId);

/**
 * Counts the complaint and opens it, unless its resolution was folded first (out of order). The latest
 * complaint is the one opened last by business time. The description (the party's own words) is never kept.
 */
export function foldComplaintOpened(doc: Customer360Document, event: EventOf<'ComplaintOpened'>): Customer360Document {
  const { complaintId, channel, category, severity, orderId, productId } = event.data;
  if (doc.openComplaints.some((open) => open.complaintId === complaintId) || doc.latestComplaint?.complaintId === complaintId) return doc;
  const resolved = doc.recentlyResolvedComplaints.find((entry) => entry.complaintId === complaintId);
  if (resolved && resolved.category !== null) return doc;
  const complaint: OpenComplaint = {
    complaintId,
    category,
    severity,
    productId: productId ?? null,
    orderId: orderId ?? null,
    openedAt: event.occurredAt,
    escalatedAt: null,
  };
  const latest: LatestComplaint = {
    ...complaint,
    channel,
    status: resolved ? 'resolved' : 'open',
    resolution: resolved?.resolution ?? null,
    resolvedAt: resolved?.resolvedAt ?? null,
  };
  const isLatest = doc.latestComplaint === null || isAtOrAfter(event.occurredAt, doc.latestComplaint.openedAt);
  return {
    ...doc,
    complaintCount: doc.complaintCount + 1,
    openComplaints: resolved ? doc.openComplaints : insertInOrder(doc.openComplaints, complaint, recentlyOpened, customer360Caps.openComplaints),
    recentlyResolvedComplaints: resolved
      ? replaceWhere(doc.recentlyResolvedComplaints, (entry) => entry === resolved, (entry) => ({ ...entry, category }))
      : doc.recentlyResolvedComplaints,
    latestComplaint: isLatest ? latest : doc.latestComplaint,
  };
}

/** A new severity from the latest escalation by business time; escalatedAt is the latest escalation. */
export function foldComplaintEscalated(doc: Customer360Document, event: EventOf<'ComplaintEscalated'>): Customer360Document {
  const { complaintId, severity } = event.data;
  const escalate = <C extends OpenComplaint>(complaint: C): C => ({
    ...complaint,
    severity: severity !== undefined && isAtOrAfter(event.occurredAt, complaint.escalatedAt) ? severity : complaint.severity,
    escalatedAt: laterOf(complaint.escalatedAt, event.occurredAt),
  });
  const latest = doc.latestComplaint?.complaintId === complaintId ? escalate(doc.latestComplaint) : doc.latestComplaint;
  return { ...doc, openComplaints: replaceWhere(doc.openComplaints, (open) => open.complaintId === complaintId, escalate), latestComplaint: latest };
}

/** Closes the complaint (once), and remembers it among the recently resolved ones. */
export function foldComplaintResolved(doc: Customer360Document, event: EventOf<'ComplaintResolved'>): Customer360Document {
  const { complaintId, resolution } = event.data;
  if (doc.recentlyResolvedComplaints.some((entry) => entry.complaintId === complaintId)) return doc;
  if (doc.latestComplaint?.complaintId === complaintId && doc.latestComplaint.status === 'resolved') return doc;
  const latest = doc.latestComplaint;
  const open = doc.openComplaints.find((entry) => entry.complaintId === complaintId);
  const category = open?.category ?? (latest?.complaintId === complaintId ? latest.category : null);
  const resolved: ResolvedComplaint = { complaintId, category, resolution, resolvedAt: event.occurredAt };
  return {
    ...doc,
    openComplaints: open ? doc.openComplaints.filter((entry) => entry !== open) : doc.openComplaints,
    recentlyResolvedComplaints: insertInOrder(doc.recentlyResolvedComplaints, resolved, recentlyResolved, customer360Caps.recentlyResolvedComplaints),
    latestComplaint:
      latest?.complaintId === complaintId ? { ...latest, status: 'resolved', resolution, resolvedAt: event.occurredAt } : latest,
  };
}
