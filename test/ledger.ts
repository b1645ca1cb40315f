// Named builder for an application's clock ledger (src/applications/clock.ts):
//   ledger().received('2025-09-29').correctionRequested('2025-09-30').correctionReceived('2025-10-09').events
import type { ClockEvent, ConsultedParty } from '../src/applications/ledger.ts';

export class LedgerBuilder {
  readonly events: ClockEvent[] = [];

  #add(event: ClockEvent): this {
    this.events.push(event);
    return this;
  }
  received(date: string) {
    return this.#add({ type: 'received', date });
  }
  correctionRequested(date: string, replyBy?: string) {
    return this.#add({ type: 'correctionRequested', date, ...(replyBy ? { replyBy } : {}) });
  }
  correctionReceived(date: string) {
    return this.#add({ type: 'correctionReceived', date });
  }
  correctionExpired(date: string) {
    return this.#add({ type: 'correctionExpired', date });
  }
  consultationStarted(date: string, party: ConsultedParty = 'thirdParty', name?: string) {
    return this.#add({ type: 'consultationStarted', date, party, ...(name ? { name } : {}) });
  }
  consultationEnded(date: string) {
    return this.#add({ type: 'consultationEnded', date });
  }
  extensionApproved(date: string, days = 20, approvedBy = '公开办负责人') {
    return this.#add({ type: 'extensionApproved', date, days, approvedBy });
  }
  feeNoticeSent(date: string, payBy?: string) {
    return this.#add({ type: 'feeNoticeSent', date, ...(payBy ? { payBy } : {}) });
  }
  feePaid(date: string) {
    return this.#add({ type: 'feePaid', date });
  }
  decided(date: string, outcome = 'granted') {
    return this.#add({ type: 'decided', date, outcome });
  }
}

export function ledger(): LedgerBuilder {
  return new LedgerBuilder();
}
