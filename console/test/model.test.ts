import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedTransitions, currentDue, matchesFilter, newer, placeInQueue, queueOrder,
  type Ticket } from '../web/src/console/model.ts';

function ticket(overrides: Partial<Ticket>): Ticket {
  return {
    id: 't1', number: 'SR-20261124-000001', customerId: 'cust-1', channel: 'CHAT', category: 'CARD_LOSS',
    priority: 'NORMAL', stage: 'RECEIVED', assignee: null, skill: 'CARD', subject: '체크카드를 잃어버렸어요',
    sla: { firstResponseDueAt: '2026-11-24T01:10:00Z', resolutionDueAt: '2026-11-25T01:00:00Z', breached: false },
    emergencyActions: [], conversationIds: ['c1'], version: 1,
    createdAt: '2026-11-24T01:00:00Z', updatedAt: '2026-11-24T01:00:00Z', ...overrides,
  };
}

test('offers the published lifecycle steps unless the server names them', () => {
  assert.deepEqual(allowedTransitions(ticket({ stage: 'RECEIVED' })), ['IN_REVIEW']);
  assert.deepEqual(allowedTransitions(ticket({ stage: 'SOLUTION_PROPOSED' })),
    ['RESOLVED', 'IN_REVIEW', 'WAITING_ON_CUSTOMER']);
  assert.deepEqual(allowedTransitions(ticket({ stage: 'CLOSED' })), []);
  assert.deepEqual(allowedTransitions(ticket({ stage: 'IN_REVIEW', allowedTransitions: ['SOLUTION_PROPOSED'] })),
    ['SOLUTION_PROPOSED']);
});

test('counts down to the first response, then to the resolution, and to nothing once resolved', () => {
  assert.equal(currentDue(ticket({}))?.clock, 'FIRST_RESPONSE');
  const answered = ticket({ sla: { firstResponseDueAt: '2026-11-24T01:10:00Z', firstRespondedAt: '2026-11-24T01:05:00Z',
    resolutionDueAt: '2026-11-25T01:00:00Z', breached: false } });
  assert.deepEqual(currentDue(answered), { clock: 'RESOLUTION', at: '2026-11-25T01:00:00Z' });
  const regulatory = ticket({ sla: { firstResponseDueAt: '2026-11-30T00:00:00Z', regulatoryDueAt: '2026-11-26T00:00:00Z',
    breached: false } });
  assert.equal(currentDue(regulatory)?.clock, 'REGULATORY');
  assert.equal(currentDue(ticket({ stage: 'RESOLVED' })), null);
});

test('orders the queue by priority first, then by the earliest due time', () => {
  const urgentLate = ticket({ id: 'a', priority: 'URGENT', sla: { firstResponseDueAt: '2026-11-24T05:00:00Z', breached: false } });
  const normalSoon = ticket({ id: 'b', priority: 'NORMAL', sla: { firstResponseDueAt: '2026-11-24T01:01:00Z', breached: false } });
  const urgentSoon = ticket({ id: 'c', priority: 'URGENT', sla: { firstResponseDueAt: '2026-11-24T01:30:00Z', breached: false } });
  assert.deepEqual([normalSoon, urgentLate, urgentSoon].sort(queueOrder).map((t) => t.id), ['c', 'a', 'b']);
});

test('places a ticket in my queue when I hold it or my skills serve it, never when it is done', () => {
  assert.equal(placeInQueue(ticket({ assignee: 'agent-kim' }), 'agent-kim', []), 'assigned');
  assert.equal(placeInQueue(ticket({}), 'agent-kim', ['CARD']), 'nextUp');
  assert.equal(placeInQueue(ticket({}), 'agent-kim', ['FX']), null);
  assert.equal(placeInQueue(ticket({ assignee: 'agent-lee' }), 'agent-kim', ['CARD']), null);
  assert.equal(placeInQueue(ticket({ assignee: 'agent-kim', stage: 'RESOLVED' }), 'agent-kim', ['CARD']), null);
});

test('keeps a changed ticket in a filtered list only while it matches, Korean text included', () => {
  assert.ok(matchesFilter(ticket({}), { q: '체크카드', category: 'CARD_LOSS' }));
  assert.ok(!matchesFilter(ticket({}), { q: '이체한도' }));
  assert.ok(!matchesFilter(ticket({ stage: 'IN_REVIEW' }), { stage: 'RECEIVED' }));
  assert.ok(matchesFilter(ticket({ sla: { breached: true } }), { slaBreached: true }));
});

test('an older copy of a ticket never replaces a newer one', () => {
  assert.ok(newer(undefined, ticket({})));
  assert.ok(newer(ticket({ version: 1 }), ticket({ version: 2 })));
  assert.ok(!newer(ticket({ version: 3 }), ticket({ version: 2 })));
});
