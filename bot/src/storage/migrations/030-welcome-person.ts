// Issue 14 §4, install waves: the welcome card goes through the send queue, one
// announcement of kind 'welcome' per person. Before queueing one, the bot asks whether this
// person already has a welcome sent or on its way — on every install, thousands within a
// minute during a rollout — so those announcements are found by the person in their payload.
// (Numbered 030 to leave 029 to the directory sync; renumber on merge if needed.)
export const sql = /* sql */ `
create index announcements_welcome_person_idx on announcements ((payload->>'personId')) where kind = 'welcome';
`;
