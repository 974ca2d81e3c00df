export const myShares = {
  mySharesTitle: 'My shares',
  onlyYou: 'Only you can see this.',
  clicksPrivacy: 'Clicks are counted without IP addresses or cookies.',
  totalItems: 'Items shared',
  totalShares: 'Shares',
  totalClicks: 'Clicks',
  lastShared: (date: string) => `Last shared ${date}`,
  networkLine: (network: string, date: string, clicks: string) => `${network} · ${date} · ${clicks}`,
  myEmptyTitle: 'Nothing shared yet — and that is fine',
  myEmptyBody:
    'Sharing is voluntary. When something from the company catches your eye, the Share page has ready-made text you can make your own.',
  seeWhatToShare: 'See what you could share',
  openDestination: (title: string) => `Open ${title}`,
};
