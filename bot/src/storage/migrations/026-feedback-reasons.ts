// Issue 13 §3: "Not for me" with an optional reason, so editors learn why an item is declined
// (counted per item, never shown per person). A second "Not for me" with a reason adds it to
// the first; one without keeps the reason given before.
export const sql = /* sql */ `
alter table feedback add column reason text check (reason in ('not_relevant', 'not_my_network', 'dont_like'));
`;
