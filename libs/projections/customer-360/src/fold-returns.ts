import { customer360Caps } from './customer-360-caps';
import { laterOf } from './business-time';
import { compareText, insertInOrder, replaceWhere } from './bounded-list';
import { ClosedReturn, Customer360Document, OpenReturn } from './customer-360-document';
import { EventOf } from './customer-360-event';
import { addToCurrency } from './money';

const recentlyRequested = (a: OpenReturn, b: OpenReturn) => compareText(b.requestedAt, a.requestedAt) || compareText(b.returnId, a.returnId);
const recentlyClosed = (a: ClosedReturn, b: ClosedReturn) => compareText(b.closedAt, a.closedAt) || compareText(b.returnId, a.returnId);

/**
 * A return is open from its request until it is refunded or rejected. A request whose refund or rejection
 * was folded first (events out of order) is counted and completes the closed entry, but is not opened.
 */
export function foldReturnRequested(doc: Customer360Document, event: EventOf<'ReturnRequested'>): Customer360Document {
  const { returnId, orderId, productId, sku, quantity, reason } = event.data;
  if (doc.openReturns.some((open) => open.returnId === returnId)) return doc;
  const closed = doc.recentlyClosedReturns.find((entry) => entry.returnId === returnId);
  if (closed) {
    if (closed.productId !== null) return doc;
    return {
      ...doc,
      returnCount: doc.returnCount + 1,
      recentlyClosedReturns: replaceWhere(
        doc.recentlyClosedReturns,
        (entry) => entry === closed,
        (entry) => ({ ...entry, productId, sku: sku ?? null }),
      ),
    };
  }
  const open: OpenReturn = {
    returnId,
    orderId: orderId ?? null,
    productId,
    sku: sku ?? null,
    quantity,
    reason,
    requestedAt: event.occurredAt,
    receivedAt: null,
    condition: null,
  };
  return {
    ...doc,
    returnCount: doc.returnCount + 1,
    openReturns: insertInOrder(doc.openReturns, open, recentlyRequested, customer360Caps.openReturns),
  };
}

/** Only an open return records its receipt: the latest receipt and condition found. */
export function foldReturnReceived(doc: Customer360Document, event: EventOf<'ReturnReceived'>): Customer360Document {
  const { returnId, condition } = event.data;
  const openReturns = replaceWhere(
    doc.openReturns,
    (open) => open.returnId === returnId,
    (open) => {
      const latest = open.receivedAt === null || event.occurredAt >= open.receivedAt;
      const found = latest && condition !== undefined ? condition : open.condition;
      return { ...open, receivedAt: laterOf(open.receivedAt, event.occurredAt), condition: found };
    },
  );
  return openReturns === doc.openReturns ? doc : { ...doc, openReturns };
}

/**
 * Closes the return as refunded (once; a refund after a rejection makes it refunded, since money moved).
 * The amount counts as refunded money unless it names a refundId: the RefundIssued of that id carries it.
 */
export function foldReturnRefunded(doc: Customer360Document, event: EventOf<'ReturnRefunded'>): Customer360Document {
  const { returnId, amount, currency, refundId } = event.data;
  const refunded = refundId === undefined ? addToCurrency(doc.refunded, currency, amount) : doc.refunded;
  const closed = doc.recentlyClosedReturns.find((entry) => entry.returnId === returnId);
  if (closed?.outcome === 'refunded') {
    return { ...doc, refunded, recentlyClosedReturns: withClosed(doc, { ...closed, closedAt: laterOf(closed.closedAt, event.occurredAt) }) };
  }
  if (closed) {
    return {
      ...doc,
      refunded,
      refundedReturnCount: doc.refundedReturnCount + 1,
      rejectedReturnCount: Math.max(0, doc.rejectedReturnCount - 1),
      recentlyClosedReturns: withClosed(doc, { ...closed, outcome: 'refunded', closedAt: laterOf(closed.closedAt, event.occurredAt) }),
    };
  }
  return { ...close(doc, returnId, 'refunded', event.occurredAt), refunded, refundedReturnCount: doc.refundedReturnCount + 1 };
}

/** Closes the return as rejected; a return already closed stays as it is. */
export function foldReturnRejected(doc: Customer360Document, event: EventOf<'ReturnRejected'>): Customer360Document {
  const { returnId } = event.data;
  if (doc.recentlyClosedReturns.some((entry) => entry.returnId === returnId)) return doc;
  return { ...close(doc, returnId, 'rejected', event.occurredAt), rejectedReturnCount: doc.rejectedReturnCount + 1 };
}

/** Moves an open return (or an unknown one: product unknown until its request arrives) to the closed ones. */
function close(doc: Customer360Document, returnId: string, outcome: ClosedReturn['outcome'], closedAt: string): Customer360Document {
  const open = doc.openReturns.find((entry) => entry.returnId === returnId);
  const closed: ClosedReturn = { returnId, productId: open?.productId ?? null, sku: open?.sku ?? null, closedAt, outcome };
  return {
    ...doc,
    openReturns: open ? doc.openReturns.filter((entry) => entry !== open) : doc.openReturns,
    recentlyClosedReturns: withClosed(doc, closed),
  };
}

function withClosed(doc: Customer360Document, closed: ClosedReturn): ClosedReturn[] {
  const others = doc.recentlyClosedReturns.filter((entry) => entry.returnId !== closed.returnId);
  return insertInOrder(others, closed, recentlyClosed, customer360Caps.recentlyClosedReturns);
}
