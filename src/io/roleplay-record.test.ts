import { describe, expect, it } from 'vitest';
import { parseRolePlayEntry } from './roleplay-record.js';

describe('role-play log entries', () => {
  it('keep a vote’s postponements for want of a quorum, so a reloaded table replays the vote as drawn', () => {
    // One sitting without a quorum, then consent 14 days later (engine scenario.ts `postponedVote`)
    const entry = {
      actor: 'system',
      action: {
        type: 'ratification',
        vote: { ratified: true, yes: 133, no: 11, abstain: 16, postponements: 1, held: true, decidedOn: '2021-03-19' },
      },
    };
    expect(parseRolePlayEntry(entry)).toEqual({ ok: true, value: entry });
    // a vote given up after the most postponements is no consent, and not a rejection
    const notHeld = { ...entry, action: { ...entry.action, vote: { ratified: false, postponements: 6, held: false } } };
    expect(parseRolePlayEntry(notHeld)).toEqual({ ok: true, value: notHeld });
  });
});
