// A real browser (Debian's Chromium, driven by playwright-core, which downloads nothing) walks the
// console and the status page against a running suite:
//   an agent signs in, picks up the urgent lost-card ticket, sees the card stop and its state,
//   searches the knowledge base in Korean, replies, and moves the ticket through the stages to
//   resolved, while the customer's page shows each stage, k of 4.
// Run by e2e-tests' ConsoleBrowserIT with:
//   SORI_URL, SORI_CUSTOMER_ID, SORI_AGENT_ID, SORI_TICKET_NUMBER, SORI_SCREENSHOTS, [SORI_CHROMIUM]
// Exits 0 when every step held, 1 with the failing step otherwise (a screenshot of both pages is kept).

import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const base = env('SORI_URL').replace(/\/$/, '');
const customerId = env('SORI_CUSTOMER_ID');
const agentId = env('SORI_AGENT_ID');
const ticketNumber = env('SORI_TICKET_NUMBER');
const shots = env('SORI_SCREENSHOTS');
const executablePath = env('SORI_CHROMIUM', '/usr/bin/chromium');
const TIMEOUT = 30_000;

mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'sori-chromium-'));
const step = (text) => console.log(`[walkthrough] ${text}`);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  locale: 'ko-KR',
  timezoneId: 'Asia/Seoul',
  viewport: { width: 1440, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
context.setDefaultTimeout(TIMEOUT);
const agent = await context.newPage();
const customer = await context.newPage();
await customer.setViewportSize({ width: 390, height: 844 }); // a phone
const problems = [];
for (const [who, page] of [['agent', agent], ['customer', customer]]) {
  page.on('pageerror', (e) => problems.push(`${who} page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') console.log(`[${who} console] ${m.text()}`); });
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
  step(`screenshot ${name}.png`);
}

/** The customer looks again (the page also does so by itself every 30 s) and must see step k. */
/** The screen moves focus to its heading once it has rendered: wait for that (a few frames), then tell. */
async function focusOnHeading(page) {
  return page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 5_000 })
    .then(() => true, () => false);
}

async function customerSees(k, label) {
  await customer.click('#refresh');
  await customer.waitForFunction(([k, label]) => {
    const stepOf = document.querySelector('#step-of')?.textContent ?? '';
    const stage = document.querySelector('#stage-label')?.textContent ?? '';
    return stepOf.includes(`4단계 중 ${k}단계`) && stage.includes(label);
  }, [k, label]);
  const current = await customer.locator('.steps [aria-current="step"]').textContent();
  check(current.includes(label), `the current step should be ${label}, was ${current}`);
  step(`customer sees step ${k} of 4: ${label}`);
}

/** Every field on the page has a name a screen reader can read: a <label>, or aria-label(ledby). */
async function everyFieldLabelled(page, where) {
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
    .filter((f) => f.labels.length === 0 && !f.getAttribute('aria-label') && !f.getAttribute('aria-labelledby'))
    .map((f) => f.id || f.name || f.outerHTML.slice(0, 60)));
  check(unlabelled.length === 0, `${where}: fields without a label: ${unlabelled.join(', ')}`);
  const landmarks = await page.$$eval('header, main', (els) => els.length);
  check(landmarks >= 2, `${where}: a banner and a main landmark`);
}

async function moveTo(stage, label) {
  await agent.click(`#transitions button[data-to="${stage}"]`);
  await agent.waitForFunction((label) => document.querySelector('#work .result')?.textContent?.includes(label), label);
  step(`agent moved the ticket to ${stage}`);
}

try {
  // --- the agent signs in with a dev token for their own id ------------------------------------------
  await agent.goto(`${base}/console/`);
  await agent.waitForSelector('h1:has-text("상담 콘솔 로그인")');
  check(await agent.getAttribute('html', 'lang') === 'ko', 'the console speaks Korean by default');
  check(await focusOnHeading(agent), 'focus starts on the heading');
  check(await agent.evaluate(() => document.querySelector('a[href], button, input, select, textarea')
    ?.classList.contains('skip')), 'the skip link is the first thing a keyboard reaches');
  await agent.focus('a.skip');
  check(await agent.$eval('a.skip', (a) => a.getBoundingClientRect().top >= 0), 'the skip link shows when focused');
  await everyFieldLabelled(agent, 'sign-in');
  await agent.check('#who-custom');
  await agent.fill('#custom-id', agentId);
  await agent.click('button[type="submit"]');
  await agent.waitForSelector('h1:has-text("내 대기열")');
  check(await focusOnHeading(agent), 'focus lands on the heading');
  await agent.waitForSelector('#live-state');
  step(`signed in as ${agentId}; live updates: ${await agent.textContent('#live-state')}`);

  // --- the urgent lost-card ticket is in my queue, with its SLA countdown ------------------------------
  const row = agent.locator(`tr[data-number="${ticketNumber}"]`).first();
  for (let attempt = 0; attempt < 10 && !(await row.count()); attempt++) {
    await agent.waitForTimeout(1_000);
    if (attempt % 3 === 2) await agent.reload();
  }
  await row.waitFor();
  check((await row.locator('.priority').textContent()).includes('긴급'), 'the ticket is marked 긴급 (URGENT)');
  const before = await row.locator('time[data-due]').textContent();
  // the page ticks every second; on a loaded machine a tick can come late, so give it up to 5 s
  let after = before;
  for (let waited = 0; waited < 5_000 && after === before; waited += 250) {
    await agent.waitForTimeout(250);
    after = await row.locator('time[data-due]').textContent();
  }
  check(before !== after && /남음|지남/.test(after), `the SLA countdown ticks locally (${before} → ${after})`);
  await shot(agent, '01-console-queue', false);

  // --- the agent opens it, takes it if it is not theirs yet ------------------------------------------
  await row.locator('a').click();
  await agent.waitForSelector(`h1:has-text("${ticketNumber}")`);
  if (await agent.locator('#take-ticket').count()) {
    await agent.click('#take-ticket');
  }
  await agent.waitForFunction((id) => document.querySelector('#current-assignee')?.textContent === id, agentId);
  step('the agent holds the ticket');
  check((await agent.textContent('#identity')).includes('본인 확인됨'), 'the identity-verified badge shows');

  // --- the card stop: requested at intake, completed by the (simulated) core banking ----------------
  const cardStop = agent.locator('li[data-action="SUSPEND_CARD"]');
  await cardStop.waitFor();
  check((await cardStop.textContent()).includes('카드 사용정지'), 'the card stop is named in Korean');
  await agent.waitForSelector('li[data-action="SUSPEND_CARD"][data-status="COMPLETED"]', { timeout: 60_000 });
  check(/CSP-/.test(await cardStop.textContent()), 'the bank reference of the card stop shows');
  step('the card stop is COMPLETED with its bank reference');
  await agent.waitForSelector('#conversation .message:has-text("체크카드를 잃어버렸어요")');
  await everyFieldLabelled(agent, 'ticket view');

  // --- knowledge base: Korean typed through an input method, searched once the syllables are done ----
  let searches = 0;
  agent.on('request', (r) => { if (r.url().includes('/api/kb/search')) searches++; });
  await agent.click('#kb-q');
  const cdp = await context.newCDPSession(agent);
  await cdp.send('Input.imeSetComposition', { text: 'ㅋ', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: '카', selectionStart: 1, selectionEnd: 1 });
  await agent.waitForTimeout(800);
  check(searches === 0, `no search while a syllable is being composed (${searches} sent)`);
  await cdp.send('Input.insertText', { text: '카드 분실' });
  await agent.waitForFunction(() => document.querySelector('#kb-results')?.children.length > 0);
  check(searches >= 1, 'the search ran once the input was committed');
  step(`knowledge search ran ${searches} time(s) for 카드 분실`);

  // --- the reply to the customer ----------------------------------------------------------------------
  await agent.fill('#reply-text', '고객님, 체크카드 사용을 정지했습니다. 새 카드는 영업일 기준 5일 안에 받으실 수 있어요.');
  await agent.click('#reply-form button[type="submit"]');
  await agent.waitForFunction(() => document.querySelector('#work .result')?.textContent?.includes('답변을 보냈습니다'));
  await agent.waitForSelector('#conversation .from-agent:has-text("체크카드 사용을 정지했습니다")');
  step('the agent replied, and the reply is in the conversation');

  // --- the customer's page, on a phone: step 1 of 4 -----------------------------------------------------
  await customer.goto(`${base}/status/`);
  await customer.fill('#customer-id', customerId);
  await customer.click('button[type="submit"]');
  await customer.waitForSelector('#step-of');
  await customerSees(1, '접수');
  await everyFieldLabelled(customer, 'status page');
  // reflow (WCAG 1.4.10): at 320 CSS px, what a 640 px wide screen shows at 200% zoom, nothing scrolls sideways
  await customer.setViewportSize({ width: 320, height: 640 });
  check(await customer.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    'the status page reflows at 320 CSS px without sideways scrolling');
  await customer.setViewportSize({ width: 390, height: 844 });
  await shot(customer, '03-status-received');

  // --- through the stages; only the allowed ones are offered -----------------------------------------
  const offered = async () => agent.$$eval('#transitions button', (bs) => bs.map((b) => b.dataset.to));
  check(JSON.stringify(await offered()) === JSON.stringify(['IN_REVIEW']), `from 접수 only review is offered: ${await offered()}`);
  await moveTo('IN_REVIEW', '내부 검토 및 원인 분석');
  await customerSees(2, '내부 검토 및 원인 분석');
  await agent.evaluate(() => window.scrollTo(0, 0));
  await shot(agent, '02-console-ticket', false);
  await shot(agent, '02-console-ticket-full');
  await moveTo('SOLUTION_PROPOSED', '해결 방안 도출 및 고객 안내');
  await customerSees(3, '해결 방안 도출 및 고객 안내');
  await moveTo('RESOLVED', '해결 완료');
  await customerSees(4, '해결 완료 및 피드백 수집');
  check(JSON.stringify((await offered()).sort()) === JSON.stringify(['CLOSED', 'IN_REVIEW']), `after resolving: ${await offered()}`);
  await shot(customer, '04-status-resolved');

  // --- English on request, Korean by default ------------------------------------------------------------
  await customer.click('#lang-toggle');
  await customer.waitForSelector('h1:has-text("My inquiries")');
  check(await customer.getAttribute('html', 'lang') === 'en', 'the page says it is English now');
  check((await customer.textContent('#step-of')).includes('Step 4 of 4'), 'the step reads in English');
  await customer.click('#lang-toggle');

  // --- the supervisor's view ------------------------------------------------------------------------------
  await agent.click('#sign-out');
  await agent.waitForSelector('h1:has-text("상담 콘솔 로그인")');
  await agent.check('#who-lead-park');
  await agent.click('button[type="submit"]');
  await agent.waitForSelector('h1:has-text("내 대기열")');
  await agent.click('nav a[href="#/supervisor"]');
  await agent.waitForSelector('h1:has-text("팀장 화면")');
  await agent.waitForFunction(() => !document.querySelector('#blocks [role="status"]') && !document.querySelector('#breaches [role="status"]'));
  await shot(agent, '05-console-supervisor');

  // --- team queues: filtered by priority and Korean text, in queue order -----------------------------
  await agent.click('nav a[href="#/team"]');
  await agent.waitForSelector('h1:has-text("팀 대기열")');
  await agent.selectOption('#filter-priority', 'URGENT');
  await agent.fill('#filter-q', '체크카드');
  await agent.click('form[role="search"] button[type="submit"]');
  await agent.waitForURL(/priority=URGENT/); // the filter is in the address, to share or reload
  await agent.waitForSelector(`.view[data-query*="priority=URGENT"] tr[data-number="${ticketNumber}"]`);
  check(await agent.$$eval('tbody tr .priority', (badges) => badges.every((b) => b.textContent === '긴급')),
    'only urgent tickets are listed');
  await everyFieldLabelled(agent, 'team queues');
  step('the team queue finds the ticket by priority and Korean text');

  // --- live: a new urgent ticket shows in the open team queue by the live feed, with no reload -------------
  await agent.waitForFunction(() => (document.querySelector('#live-state')?.textContent ?? '').includes('실시간 연결됨'));
  const listed = await agent.$$eval('tbody tr[data-number]', (rows) => rows.map((r) => r.dataset.number));
  const desk = await (await fetch(`${base}/api/dev/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ subject: 'app-backend', roles: ['CHANNEL'] }) })).json();
  const sent = await fetch(`${base}/api/channels/chat/messages`, { method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${desk.token}` },
    body: JSON.stringify({ customerId: `${customerId}-live`, text: '체크카드를 또 잃어버렸어요. 바로 정지해 주세요', identityVerified: true }) });
  check(sent.ok, `a second customer's lost-card chat was accepted (${sent.status})`);
  await agent.waitForFunction((before) => [...document.querySelectorAll('tbody tr[data-number]')]
    .some((r) => !before.includes(r.dataset.number)), listed, { timeout: 15_000 });
  step('a second customer\'s urgent lost-card ticket appeared in the open team queue by the live feed, without a reload');

  check(problems.length === 0, `no script errors in the pages: ${problems.join('; ')}`);
  step('done');
} catch (error) {
  console.error(`[walkthrough] FAILED: ${error.message}`);
  await agent.screenshot({ path: join(shots, 'failure-agent.png'), fullPage: true }).catch(() => {});
  await customer.screenshot({ path: join(shots, 'failure-customer.png'), fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
