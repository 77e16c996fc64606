// Times are kept in UTC and shown in Asia/Seoul (DESIGN.md); countdowns are computed here, without the DOM.

export type Lang = 'ko' | 'en';

const SEOUL = 'Asia/Seoul';

export function dateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '–';
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: SEOUL, year: 'numeric', month: 'short', day: 'numeric', weekday: 'short',
    hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(date);
}

export function time(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '–';
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: SEOUL, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(date);
}

export type DueState = 'ok' | 'soon' | 'overdue';

export interface Countdown {
  text: string;
  state: DueState;
}

/** Within this much of the due time a countdown turns amber. */
export const SOON_MS = 30 * 60 * 1000;

/** "2시간 05분 남음", "12분 30초 남음", "3분 지남"; seconds only under an hour, where they matter. */
export function countdown(dueIso: string, nowMs: number, lang: Lang): Countdown {
  const left = new Date(dueIso).getTime() - nowMs;
  const overdue = left < 0;
  const total = Math.floor(Math.abs(left) / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  let span: string;
  if (lang === 'ko') {
    span = days > 0 ? `${days}일 ${hours}시간`
      : hours > 0 ? `${hours}시간 ${two(minutes)}분`
        : `${minutes}분 ${two(seconds)}초`;
  } else {
    span = days > 0 ? `${days} d ${hours} h`
      : hours > 0 ? `${hours} h ${two(minutes)} min`
        : `${minutes} min ${two(seconds)} s`;
  }
  const text = lang === 'ko' ? `${span} ${overdue ? '지남' : '남음'}` : overdue ? `overdue by ${span}` : `${span} left`;
  return { text, state: overdue ? 'overdue' : left <= SOON_MS ? 'soon' : 'ok' };
}
