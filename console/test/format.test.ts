import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countdown, dateTime } from '../web/src/shared/format.ts';
import { backoff } from '../web/src/console/live.ts';
import { sessionOf } from '../web/src/shared/session.ts';
import { unescapeHtml } from '../web/src/shared/dom.ts';

const due = '2026-11-24T05:00:00Z';
const at = (iso: string) => Date.parse(iso);

test('counts down in Korean and English, with seconds only in the last hour', () => {
  assert.deepEqual(countdown(due, at('2026-11-24T02:55:00Z'), 'ko'), { text: '2시간 05분 남음', state: 'ok' });
  assert.deepEqual(countdown(due, at('2026-11-24T04:47:30Z'), 'ko'), { text: '12분 30초 남음', state: 'soon' });
  assert.deepEqual(countdown(due, at('2026-11-24T05:03:00Z'), 'ko'), { text: '3분 00초 지남', state: 'overdue' });
  assert.deepEqual(countdown(due, at('2026-11-22T03:00:00Z'), 'en'), { text: '2 d 2 h left', state: 'ok' });
  assert.equal(countdown(due, at('2026-11-24T06:00:00Z'), 'en').text, 'overdue by 1 h 00 min');
});

test('shows times in Asia/Seoul', () => {
  assert.match(dateTime('2026-11-24T05:00:00Z', 'en'), /14:00/);
});

test('backs off from about a second to at most a minute', () => {
  assert.equal(backoff(0, () => 1), 1000);
  assert.equal(backoff(0, () => 0), 500);
  assert.equal(backoff(3, () => 1), 8000);
  assert.equal(backoff(20, () => 1), 60000);
});

test('reads the roles and customer of a token, as a list or a spaced string', () => {
  const encode = (claims: object) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;
  const agent = sessionOf(encode({ sub: 'agent-kim', roles: ['AGENT', 'supervisor'], exp: 4102444800 }));
  assert.deepEqual(agent?.roles, ['AGENT', 'SUPERVISOR']);
  const customer = sessionOf(encode({ sub: '로그인-1001', roles: 'CUSTOMER', customerId: 'cust-1001' }));
  assert.equal(customer?.subject, '로그인-1001');
  assert.equal(customer?.customerId, 'cust-1001');
  assert.equal(sessionOf('not-a-token'), null);
});

test('unescapes what kb-service escaped in a snippet, and nothing else', () => {
  assert.equal(unescapeHtml('이체 &lt;한도&gt; &amp; &quot;증액&quot; &#39;x&#39;'), '이체 <한도> & "증액" \'x\'');
  assert.equal(unescapeHtml('체크&#x2F;신용카드'), '체크/신용카드');
  assert.equal(unescapeHtml('&nbsp;'), '&nbsp;');
});
