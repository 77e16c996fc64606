import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SseParser } from '../web/src/console/sse.ts';

test('reads a ticket event with its id, and skips keep-alive comments', () => {
  const parser = new SseParser();
  const events = parser.push(': keep-alive\n\nevent: ticket\nid: 42\ndata: {"type":"ticket.TicketCreated"}\n\n');
  assert.equal(events.length, 1);
  assert.equal(events[0]!.event, 'ticket');
  assert.equal(events[0]!.id, '42');
  assert.deepEqual(JSON.parse(events[0]!.data), { type: 'ticket.TicketCreated' });
  assert.equal(parser.lastEventId, '42');
});

test('puts together an event split across chunks, including between the CR and the LF of a line end', () => {
  const parser = new SseParser();
  const text = 'event: ticket\r\nid: 7\r\ndata: {"subject":"체크카드를 잃어버렸어요"}\r\n\r\n';
  const chunks = [text.slice(0, 5), text.slice(5, 19), text.slice(19, 40), text.slice(40, text.length - 1),
    text.slice(text.length - 1)];
  const events = chunks.flatMap((c) => parser.push(c));
  assert.equal(events.length, 1);
  assert.equal(JSON.parse(events[0]!.data).subject, '체크카드를 잃어버렸어요');
});

test('joins multi-line data with newlines and ignores unknown fields', () => {
  const parser = new SseParser();
  const events = parser.push('data: first\ndata: second\nfoo: bar\n\n');
  assert.equal(events[0]!.data, 'first\nsecond');
  assert.equal(events[0]!.event, 'message');
});

test('a block without data dispatches nothing', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push('event: ticket\nid: 1\n\n'), []);
});
